// An amount of money as people read it: yuan with two decimals, in the reader's language; for
// server and client components alike.
const formats = new Map<string, Intl.NumberFormat>();

export function formatMoney(fen: number, locale: string): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en", {
      style: "currency",
      currency: "CNY",
      minimumFractionDigits: 2,
    });
    formats.set(locale, f);
  }
  return f.format(fen / 100);
}
