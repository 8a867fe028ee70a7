"use client";
// Charts of the dashboard (Recharts, SVG). Each is labelled for screen readers; the same numbers
// are in the table beside it.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const BRAND = "#1d5fbf"; // --color-brand-600

export function TrendChart({
  label,
  points,
  unit = "%",
  testId = "chart-trend",
}: {
  label: string;
  points: { month: string; value: number | null }[];
  unit?: string;
  testId?: string;
}) {
  return (
    <figure role="img" aria-label={label} className="h-64 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v) => `${v}${unit}`} tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={(v) => (v === null ? "—" : `${v}${unit}`)} />
          <Line
            type="monotone"
            dataKey="value"
            name={label}
            stroke={BRAND}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Horizontal bars, longest first as given; `unit` "%" formats the axis as a percentage. */
export function BarsChart({
  label,
  bars,
  unit = "",
}: {
  label: string;
  bars: { name: string; value: number | null }[];
  unit?: string;
}) {
  const height = Math.max(120, bars.length * 34 + 40);
  const short = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);
  return (
    <figure
      role="img"
      aria-label={label}
      className="w-full"
      style={{ height }}
      data-testid="chart-bars"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" tickFormatter={(v) => `${v}${unit}`} tick={{ fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey="name"
            width={170}
            tick={{ fontSize: 12 }}
            tickFormatter={short}
            interval={0}
          />
          <Tooltip formatter={(v) => (v === null ? "—" : `${v}${unit}`)} />
          <Bar dataKey="value" name={label} fill={BRAND} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
