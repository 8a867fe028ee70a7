// The closed set of domain errors. Routers map them to tRPC codes in one place (server/api/errors.ts).

export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INVALID_STATE"
  | "VALIDATION"
  | "UNAUTHORIZED"
  | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Field path → reason, for forms. */
    readonly fieldErrors?: Record<string, string>,
    /** A machine-readable reason a client can translate, e.g. "locked:14". */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found.`);
export const validation = (field: string, reason: string) =>
  new DomainError("VALIDATION", `${field}: ${reason}`, { [field]: reason });
