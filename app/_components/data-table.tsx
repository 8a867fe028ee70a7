// A simple responsive table: headers and rows of already-rendered cells.
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
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100">
              {row.cells.map((cell, i) => (
                <td key={i} className="px-3 py-2 align-top">
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
