// Validates a service's input the same way whether it came through the API or straight from a
// page: a zod failure becomes a VALIDATION error naming each field.
import type { z } from "zod";
import { DomainError } from "./errors";

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    fieldErrors[issue.path.join(".") || "input"] ??= issue.message;
  throw new DomainError(
    "VALIDATION",
    Object.entries(fieldErrors)
      .map(([field, reason]) => `${field}: ${reason}`)
      .join("; "),
    fieldErrors,
  );
}
