// The firm self-registration form: one schema for the form and the API.
import { z } from "zod";
import { firmSizes } from "@/db/schema/enums";
import { industries } from "@/db/reference/industries";
import { prefectureCodes } from "@/db/reference/prefectures";
import { creditCodeInput } from "./credit-code";
import { passwordProblem } from "../auth/password-policy";

export const registerFirmInput = z
  .object({
    firmName: z
      .string({ error: "field.firmName" })
      .trim()
      .min(2, "field.firmName")
      .max(120, "field.maxChars"),
    creditCode: creditCodeInput,
    size: z.enum(firmSizes, { message: "field.size" }),
    industry: z.enum(industries, { message: "field.industry" }),
    prefecture: z.enum(prefectureCodes, { message: "field.prefecture" }),
    name: z.string({ error: "field.name" }).trim().min(1, "field.name").max(80, "field.maxChars"),
    email: z
      .string({ error: "field.email" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "field.email" }).max(200, "field.maxChars")),
    password: z.string({ error: "field.pwShort" }).superRefine((password, ctx) => {
      const problem = passwordProblem(password);
      if (problem) ctx.addIssue({ code: "custom", message: problem.code, params: problem.params });
    }),
    locale: z.enum(["en", "zh"]).default("en"),
  })
  // Checks that need two fields run once the fields themselves are valid.
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem)
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: problem.code,
        params: problem.params,
      });
  });

export type RegisterFirmInput = z.input<typeof registerFirmInput>;
