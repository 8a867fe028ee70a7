// The firm self-registration form: one schema for the form and the API.
import { z } from "zod";
import { firmSizes } from "@/db/schema/enums";
import { industries } from "@/db/reference/industries";
import { prefectureCodes } from "@/db/reference/prefectures";
import { creditCodeMessages, creditCodeProblem } from "./credit-code";
import { passwordProblem } from "../auth/password-policy";

export const registerFirmInput = z
  .object({
    firmName: z
      .string({ error: "enter the firm's registered name" })
      .trim()
      .min(2, "enter the firm's registered name")
      .max(120, "at most 120 characters"),
    creditCode: z
      .string({ error: "enter the firm's unified social credit code" })
      .trim()
      .transform((s) => s.toUpperCase())
      .superRefine((code, ctx) => {
        const problem = creditCodeProblem(code);
        if (problem) ctx.addIssue({ code: "custom", message: creditCodeMessages[problem] });
      }),
    size: z.enum(firmSizes, { message: "choose the firm's size" }),
    industry: z.enum(industries, { message: "choose an industry" }),
    prefecture: z.enum(prefectureCodes, { message: "choose a prefecture" }),
    name: z
      .string({ error: "enter your name" })
      .trim()
      .min(1, "enter your name")
      .max(80, "at most 80 characters"),
    email: z
      .string({ error: "enter a valid email address" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "enter a valid email address" }).max(200, "at most 200 characters")),
    password: z.string({ error: "must be at least 10 characters" }).superRefine((password, ctx) => {
      const problem = passwordProblem(password);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    locale: z.enum(["en", "zh"]).default("en"),
  })
  // Checks that need two fields run once the fields themselves are valid.
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type RegisterFirmInput = z.input<typeof registerFirmInput>;
