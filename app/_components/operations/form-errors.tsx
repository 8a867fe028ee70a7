// The reasons a management form was refused, field by field in words, announced to screen readers.
// `labelOf` names a field path ("params.1.max") as the form labels it.
export function FormErrors({
  errors,
  labelOf = (field) => field,
}: {
  errors: Record<string, string>;
  labelOf?: (field: string) => string;
}) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <ul
      role="alert"
      className="space-y-0.5 rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-900 sm:col-span-full"
      data-testid="form-errors"
    >
      {entries.map(([field, reason]) => (
        <li key={field}>{field === "form" ? reason : `${labelOf(field)}: ${reason}`}</li>
      ))}
    </ul>
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
