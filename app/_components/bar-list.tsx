// A horizontal bar chart drawn with plain elements, readable by screen readers as a list.
import Link from "next/link";

export function BarList({
  title,
  items,
  testId,
}: {
  title: string;
  items: { label: string; value: number; href?: string }[];
  testId?: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-3 font-medium">{title}</figcaption>
      <ul className="space-y-1.5">
        {items.map((item) => (
          <li
            key={item.label}
            className="grid grid-cols-[9rem_1fr_2rem] items-center gap-2 text-sm"
          >
            {item.href ? (
              <Link
                href={item.href}
                className="truncate text-brand-700 hover:underline"
                title={item.label}
              >
                {item.label}
              </Link>
            ) : (
              <span className="truncate" title={item.label}>
                {item.label}
              </span>
            )}
            <span className="h-3 rounded bg-slate-100" aria-hidden="true">
              <span
                className="block h-3 rounded bg-brand-600"
                style={{ width: `${(item.value / max) * 100}%` }}
              />
            </span>
            <span className="text-right tabular-nums">{item.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
