// The one place where domain errors become tRPC errors, and tRPC errors become HTTP responses.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { DomainError, refuse, type DomainErrorCode } from "@/server/services/errors";
import { isRefusalCode, renderRefusal, type Refusal } from "@/server/i18n/render";
import { zodFieldRefusals } from "@/server/i18n/zod-refusals";

const codes: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  VALIDATION: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

/** SQLite's busy and locked result codes (better-sqlite3 sets `code`, extended codes included). */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/** A domain error (or a busy database) as the tRPC error clients see; anything else unchanged. */
export function toTRPCError(error: unknown): unknown {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof DomainError)
    return new TRPCError({ code: codes[cause.code], message: cause.message, cause });
  if (isDatabaseBusy(cause)) {
    const busy = refuse("CONFLICT", "system.busy");
    return new TRPCError({ code: "CONFLICT", message: busy.message, cause: busy });
  }
  return error;
}

/** Field path → refusal, from a zod validation failure or a domain error; null when none. */
export function fieldRefusalsOf(error: TRPCError): Record<string, Refusal> | null {
  const cause = error.cause;
  if (cause instanceof ZodError) return zodFieldRefusals(cause.issues, isRefusalCode);
  if (cause instanceof DomainError && cause.fields) return cause.fields;
  return null;
}

/** Field path → English reason, for API callers. */
export function fieldErrorsOf(error: TRPCError): Record<string, string> | null {
  const fields = fieldRefusalsOf(error);
  if (!fields) return null;
  return Object.fromEntries(Object.entries(fields).map(([f, r]) => [f, renderRefusal("en", r)]));
}

/** The refusal behind an error, for clients that render it in their own language. */
export function refusalOf(error: TRPCError): Refusal {
  if (error.cause instanceof DomainError) return error.cause.refusal;
  if (error.code === "INTERNAL_SERVER_ERROR") return { code: "system.internal" };
  const fields = fieldErrorsOf(error);
  if (fields) return { code: "system.invalidInput", params: { fields: joinFields(fields) } };
  return { code: "zod.custom", params: { text: error.message } };
}

const joinFields = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join("; ");

/** The sentence a client sees: "field: reason; …" for validation, never a stack or raw JSON. */
export function clientMessage(error: TRPCError): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return renderRefusal("en", refusalOf(error));
  const fields = error.cause instanceof ZodError ? fieldErrorsOf(error) : null;
  return fields ? joinFields(fields) : error.message;
}

/** What a route handler answers for a refusal: the tRPC code's HTTP status and the refusal. */
export function errorResponse(error: unknown): Response | null {
  const mapped = toTRPCError(error);
  if (!(mapped instanceof TRPCError) || mapped.code === "INTERNAL_SERVER_ERROR") return null;
  return Response.json(
    {
      error: {
        code: mapped.cause instanceof DomainError ? mapped.cause.code : mapped.code,
        message: clientMessage(mapped),
        fieldErrors: fieldErrorsOf(mapped),
        refusal: refusalOf(mapped),
        fields: fieldRefusalsOf(mapped),
      },
    },
    { status: getHTTPStatusCodeFromError(mapped) },
  );
}
