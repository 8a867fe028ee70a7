// The one place where domain errors become tRPC errors.
import { TRPCError } from "@trpc/server";
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
  if (error instanceof DomainError) return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
  if (error instanceof Error && /SQLITE_BUSY/.test(error.message))
    return new TRPCError({ code: "CONFLICT", message: "The system is busy with another change. Please try again.", cause: error });
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
