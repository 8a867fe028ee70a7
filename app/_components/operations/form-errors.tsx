// The reasons a management form was refused, field by field, announced to screen readers.
export function FormErrors({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <ul
      role="alert"
      className="space-y-0.5 rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-900 sm:col-span-full"
      data-testid="form-errors"
    >
      {entries.map(([field, reason]) => (
        <li key={field}>{field === "form" ? reason : `${field}: ${reason}`}</li>
      ))}
    </ul>
  );
}
