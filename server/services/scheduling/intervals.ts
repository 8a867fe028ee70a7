// Half-open interval helpers: [start, end), sorted and merged.
export type Interval = { start: number; end: number };

export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** `base` minus every interval of `cut` (both lists of any order). */
export function subtractIntervals(base: Interval[], cut: Interval[]): Interval[] {
  const holes = mergeIntervals(cut);
  const out: Interval[] = [];
  for (const b of mergeIntervals(base)) {
    let cursor = b.start;
    for (const h of holes) {
      if (h.end <= cursor || h.start >= b.end) continue;
      if (h.start > cursor) out.push({ start: cursor, end: h.start });
      cursor = Math.max(cursor, h.end);
      if (cursor >= b.end) break;
    }
    if (cursor < b.end) out.push({ start: cursor, end: b.end });
  }
  return out;
}

export function totalLength(list: Interval[]): number {
  return list.reduce((s, i) => s + (i.end - i.start), 0);
}

/** The parts of sorted, disjoint intervals inside [from, to). */
export function clipIntervals(list: Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const i of list) {
    if (i.end <= from) continue;
    if (i.start >= to) break;
    out.push({ start: Math.max(i.start, from), end: Math.min(i.end, to) });
  }
  return out;
}
