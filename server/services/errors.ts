// The closed set of domain errors. Each carries a refusal: a stable code and its parameters,
// rendered in the reader's language from server/i18n (English for the error's own message, which
// API callers read). Routers map them to tRPC errors in one place (server/api/trpc.ts).
import {
  renderRefusal,
  type Refusal,
  type RefusalCode,
  type RefusalParams,
} from "@/server/i18n/render";

export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INVALID_STATE"
  | "VALIDATION"
  | "UNAUTHORIZED"
  | "TOO_MANY_REQUESTS"
  | "TOO_LARGE";

/** Field path → refusal, for forms. */
export type FieldRefusals = Record<string, Refusal>;

export class DomainError extends Error {
  readonly refusal: Refusal;

  /** With field refusals only, the refusal is `system.invalidInput` listing "field: reason; …". */
  constructor(
    readonly code: DomainErrorCode,
    refusal: Refusal | null,
    readonly fields?: FieldRefusals,
  ) {
    const resolved = refusal ?? {
      code: "system.invalidInput" as const,
      params: {
        fields: Object.entries(fields ?? {})
          .map(([field, r]) => `${field}: ${renderRefusal("en", r)}`)
          .join("; "),
      },
    };
    super(renderRefusal("en", resolved));
    this.refusal = resolved;
    this.name = "DomainError";
  }

  /** Field path → English reason (what API callers read). */
  get fieldErrors(): Record<string, string> | undefined {
    if (!this.fields) return undefined;
    return Object.fromEntries(
      Object.entries(this.fields).map(([field, r]) => [field, renderRefusal("en", r)]),
    );
  }
}

/** A refusal that is not about one field. */
export function refuse(
  kind: DomainErrorCode,
  code: RefusalCode,
  params?: RefusalParams,
): DomainError {
  return new DomainError(kind, { code, params });
}

/** A refusal about one field: "field: reason" for API callers, the field for forms. */
export function fieldRefusal(
  kind: DomainErrorCode,
  field: string,
  code: RefusalCode,
  params?: RefusalParams,
): DomainError {
  return new DomainError(kind, null, { [field]: { code, params } });
}

export type NotFoundWhat =
  | "equipment"
  | "fault"
  | "facility"
  | "feed"
  | "file"
  | "firm"
  | "invoice"
  | "maintenance"
  | "request"
  | "report"
  | "sample"
  | "service"
  | "waitlistEntry"
  | "user"
  | "programme"
  | "allotment"
  | "claim"
  | "invitation"
  | "approval";

export const notFound = (what: NotFoundWhat) => refuse("NOT_FOUND", `notFound.${what}`);
export const validation = (field: string, code: RefusalCode, params?: RefusalParams) =>
  fieldRefusal("VALIDATION", field, code, params);
