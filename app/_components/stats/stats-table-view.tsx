// One dashboard table: its title, the definition one click away, a CSV download of the same rows,
// and the rows (the first cell links to the drill-down where there is one).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StatsTable } from "./tables";
import { EmptyState } from "../empty-state";

export async function StatsTableView({
  title,
  table,
  csvHref,
  definition,
  scroll = false,
}: {
  title: string;
  table: StatsTable;
  csvHref: string;
  definition?: string;
  scroll?: boolean;
}) {
  const t = await getTranslations("dashboard");
  return (
    <section
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`table-${table.name}`}
      aria-labelledby={`h-${table.name}`}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`h-${table.name}`} className="font-medium">
          {title}
          {definition && (
            <Link
              href={`/about/metrics#${definition}`}
              className="ml-2 text-xs font-normal text-brand-700 underline"
              aria-label={t("definitionOf", { title })}
            >
              {t("definition")}
            </Link>
          )}
        </h3>
        <a
          href={csvHref}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
          download
          data-testid={`csv-${table.name}`}
        >
          {t("csv")}
        </a>
      </div>
      {table.rows.length === 0 ? (
        <EmptyState text={t("noRows")} />
      ) : (
        // A scrolling region is focusable, so that keyboard users can scroll it too.
        <div
          className={scroll ? "max-h-96 overflow-auto" : "overflow-x-auto"}
          tabIndex={0}
          role="region"
          aria-labelledby={`h-${table.name}`}
        >
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-100 text-slate-700">
              <tr>
                {table.header.map((h, i) => (
                  <th
                    key={h}
                    scope="col"
                    className={`px-2 py-1.5 font-medium ${i > 0 ? "text-right" : ""}`}
                  >
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className="border-t border-slate-100">
                  {row.map((cell, i) => (
                    <td key={i} className={`px-2 py-1.5 ${i > 0 ? "text-right tabular-nums" : ""}`}>
                      {i === 0 && table.links?.[r] ? (
                        <Link href={table.links[r]!} className="text-brand-700 hover:underline">
                          {cell}
                        </Link>
                      ) : cell === null ? (
                        "—"
                      ) : (
                        cell
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
