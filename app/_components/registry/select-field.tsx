// A labelled select for the GET search forms (works without JavaScript).
export function SelectField({
  id,
  label,
  value,
  anyLabel,
  options,
}: {
  id: string;
  label: string;
  value?: string;
  anyLabel: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={id}
        defaultValue={value ?? ""}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
      >
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
