// A slot as people read it, for server and client components alike.

const formats = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>();

/** "Mon, 12/07 09:00 – 13:00": a slot in the facility's time zone, in the reader's language. */
export function formatSlot(s: { start: number; end: number }, timeZone: string, locale: string) {
  const [day, time] = formatsFor(timeZone, locale);
  return `${day.format(new Date(s.start))} – ${time.format(new Date(s.end))}`;
}

/** "Mon, 12/07 09:00": one moment, written as a slot's start is. */
export function formatMoment(ms: number, timeZone: string, locale: string) {
  return formatsFor(timeZone, locale)[0].format(new Date(ms));
}

function formatsFor(timeZone: string, locale: string) {
  const key = `${timeZone}|${locale}`;
  let pair = formats.get(key);
  if (!pair) {
    const time = { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    pair = [
      new Intl.DateTimeFormat(locale, {
        ...time,
        month: "2-digit",
        day: "2-digit",
        weekday: "short",
      }),
      new Intl.DateTimeFormat(locale, time),
    ];
    formats.set(key, pair);
  }
  return pair;
}
