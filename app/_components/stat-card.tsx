import Link from "next/link";

/**
 * A headline figure; with `definition`, its label links to the figure's definition on
 * /about/metrics.
 */
export function StatCard({
  label,
  value,
  testId,
  definition,
}: {
  label: string;
  value: string | number;
  testId?: string;
  definition?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-sm text-slate-600">
        {definition ? (
          <Link
            href={`/about/metrics#${definition}`}
            className="underline decoration-dotted underline-offset-2 hover:text-brand-700"
          >
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
