// The annual evaluation's defaults. The benchmark is the effective machine-hours a counted
// instrument is expected to run in a year; national and provincial evaluations publish averages
// around 1,400–1,600 h, so the default is the lower end, and the department sets each year's own.
// The indicators follow the open-sharing evaluations of large research instruments: use against
// the benchmark weighs most, then how much of it served outside users, whom it served, what it
// earned, what users thought of it and how reliably it was available.
export const DEFAULT_BENCHMARK_HOURS = 1400;

export const indicators = [
  "effectiveHours",
  "sharingRate",
  "externalUsers",
  "income",
  "rating",
  "availability",
] as const;
export type Indicator = (typeof indicators)[number];

export const defaultWeights: Record<Indicator, number> = {
  effectiveHours: 35,
  sharingRate: 20,
  externalUsers: 15,
  income: 10,
  rating: 10,
  availability: 10,
};
