// The schedule board's month view: one row per equipment, one cell per day with the hours booked
// per unit (shaded by the share of the day) and a mark where maintenance takes time; each cell
// opens that day's board.
type Load = { bookedHours: number; maintenanceHours: number };

// Shades by hours booked per unit: a short use, half a working day, a working day, beyond.
const shade = (hours: number) =>
  hours === 0
    ? "bg-white text-slate-600"
    : hours <= 3
      ? "bg-emerald-50 text-slate-900"
      : hours <= 6
        ? "bg-emerald-100 text-slate-900"
        : hours <= 12
          ? "bg-emerald-300 text-slate-900"
          : "bg-emerald-800 text-white";

export function MonthLoad({
  days,
  rows,
  equipmentHeader,
  caption,
  cellLabel,
}: {
  days: { key: string; label: string }[];
  rows: { id: number; name: string; load: Load[] }[];
  equipmentHeader: string;
  caption: string;
  /** "3 Dec: 8 h booked per unit, 2 h maintenance", of the i-th day. */
  cellLabel: (i: number, load: Load) => string;
}) {
  const h = (x: number) => (Math.round(x * 10) / 10).toString();
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      tabIndex={0}
      aria-label={caption}
      data-testid="month-load"
    >
      <table className="w-full min-w-[900px] border-collapse text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="w-48 p-2 text-left font-normal">
              {equipmentHeader}
            </th>
            {days.map((d) => (
              <th key={d.key} scope="col" className="p-1 text-center font-normal">
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="truncate p-2 text-left text-sm font-normal" title={r.name}>
                {r.name}
              </th>
              {r.load.map((l, i) => (
                <td key={days[i].key} className="p-0.5">
                  <a
                    href={`?view=day&date=${days[i].key}`}
                    aria-label={cellLabel(i, l)}
                    title={cellLabel(i, l)}
                    className={`relative block h-8 rounded text-center leading-8 hover:ring-2 hover:ring-brand-600 ${shade(l.bookedHours)}`}
                  >
                    {l.bookedHours > 0 ? h(l.bookedHours) : ""}
                    {l.maintenanceHours > 0 && (
                      <span
                        className="absolute inset-x-0 bottom-0 h-1.5 rounded-b bg-violet-500"
                        aria-hidden="true"
                      />
                    )}
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
