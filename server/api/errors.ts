// The one place where domain errors become tRPC errors.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/server/services/errors";

const codes: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  VALIDATION: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export function toTRPCError(error: unknown): unknown {
  if (error instanceof DomainError)
    return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
  if (error instanceof Error && /SQLITE_BUSY/.test(error.message))
    return new TRPCError({
      code: "CONFLICT",
      message: "The system is busy with another change. Please try again.",
      cause: error,
    });
  return error;
}

/** Runs a service call, translating its domain errors. */
export async function run<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toTRPCError(error);
  }
}

/** Field path → reason, from a zod validation failure or a domain error; null when there is none. */
export function fieldErrorsOf(error: TRPCError): Record<string, string> | null {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const out: Record<string, string> = {};
    for (const issue of cause.issues) out[issue.path.join(".") || "input"] ??= issue.message;
    return out;
  }
  if (cause instanceof DomainError && cause.fieldErrors) return cause.fieldErrors;
  return null;
}

/** The sentence a client sees: "field: reason; …" for validation, never a stack or raw JSON. */
export function clientMessage(error: TRPCError): string {
  if (error.code === "INTERNAL_SERVER_ERROR")
    return "Something went wrong on our side. Please try again.";
  const fields = error.cause instanceof ZodError ? fieldErrorsOf(error) : null;
  return fields
    ? Object.entries(fields)
        .map(([field, reason]) => `${field}: ${reason}`)
        .join("; ")
    : error.message;
}
