// A responsive table: headers and rows of already-rendered cells. Below 640 px each row becomes
// a card whose cells are labelled with their column (CSS only, same markup).
import type { ReactNode } from "react";

export function DataTable({
  headers,
  rows,
  testId,
}: {
  headers: string[];
  rows: { key: string | number; cells: ReactNode[] }[];
  testId?: string;
}) {
  return (
    <div
      className="min-w-0 overflow-x-auto rounded-lg border border-slate-200 bg-white"
      data-testid={testId}
      tabIndex={0}
    >
      <table className="w-full text-left text-sm max-sm:block">
        <thead className="bg-slate-100 text-slate-700 max-sm:sr-only">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {rows.map((row) => (
            <tr
              key={row.key}
              className="border-t border-slate-100 max-sm:block max-sm:py-2 max-sm:first:border-t-0"
            >
              {row.cells.map((cell, i) => (
                <td
                  key={i}
                  data-label={headers[i]}
                  className="px-3 py-2 align-top max-sm:flex max-sm:gap-3 max-sm:py-1 max-sm:before:w-28 max-sm:before:shrink-0 max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]"
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
