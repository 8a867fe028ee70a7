/** "2027-01-04 09:00": an instant as Asia/Shanghai wall-clock time, the same in both languages. */
export function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** "PT-2027-000001 (2027-01-05 09:00 – 2027-01-05 13:00), …": bookings named in a refusal. */
export function describeBookings(list: { ref: string; start: number; end: number }[]): string {
  return list.map((b) => `${b.ref} (${shanghaiTime(b.start)} – ${shanghaiTime(b.end)})`).join(", ");
}
