// Validates a service's input the same way whether it came through the API or straight from a
// page: a zod failure becomes a VALIDATION error naming each field.
import type { z } from "zod";
import { DomainError } from "./errors";
import { zodFieldRefusals } from "@/server/i18n/zod-refusals";
import { isRefusalCode } from "@/server/i18n/render";

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new DomainError("VALIDATION", null, zodFieldRefusals(parsed.error.issues, isRefusalCode));
}
