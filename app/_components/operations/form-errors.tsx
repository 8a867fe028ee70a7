"use client";
// The reasons a form was refused, field by field in words ("Maximum: the maximum is below the
// minimum"), announced to screen readers; the refused fields of the form are marked invalid (red
// border through inputClass) until the next answer.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

export function FormErrors({
  errors,
  labelOf,
}: {
  errors: Record<string, string>;
  /** Names a field path ("params.1.max") as the form labels it; by default the common names. */
  labelOf?: (field: string) => string;
}) {
  const t = useTranslations("fieldNames");
  const anchor = useRef<HTMLSpanElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const marked = Object.keys(errors).flatMap((field) => [
      ...form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(field)}"]`),
    ]);
    for (const el of marked) el.setAttribute("aria-invalid", "true");
    return () => {
      for (const el of marked) el.removeAttribute("aria-invalid");
    };
  }, [errors]);
  const name = (field: string) =>
    labelOf ? labelOf(field) : t.has(field as never) ? t(field as never) : field;
  return (
    <>
      <span ref={anchor} hidden />
      {entries.length > 0 && (
        <ul
          role="alert"
          className="space-y-0.5 rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-900 sm:col-span-full"
          data-testid="form-errors"
        >
          {entries.map(([field, reason]) => (
            <li key={field}>{field === "form" ? reason : `${name(field)}: ${reason}`}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Props that mark a field refused: red border (inputClass) and its reason read out with it. */
export function invalidProps(errors: Record<string, string>, field: string, id: string) {
  return errors[field] !== undefined
    ? { "aria-invalid": true as const, "aria-errormessage": `${id}-error` }
    : {};
}

/** The reason under a refused field. */
export function FieldError({
  errors,
  field,
  id,
}: {
  errors: Record<string, string>;
  field: string;
  id: string;
}) {
  if (errors[field] === undefined) return null;
  return (
    <span id={`${id}-error`} className="mt-0.5 block text-xs text-red-700">
      {errors[field]}
    </span>
  );
}
