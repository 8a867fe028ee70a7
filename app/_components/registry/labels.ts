// Labels for registry values in the current language, falling back to the raw code.
import { getTranslations } from "next-intl/server";

export async function registryLabels() {
  const category = await getTranslations("category");
  const param = await getTranslations("param");
  const field = await getTranslations("field");
  return {
    category: (code: string) => (category.has(code) ? category(code) : code.replace(/_/g, " ")),
    param: (key: string) => (param.has(key) ? param(key) : key),
    field: (code: string) => (field.has(code) ? field(code) : code),
  };
}

/** "50–1,000 L", "≥ 0.8 nm", "≤ 200 °C" for a capability envelope. */
export function formatRange(
  min: number | null,
  max: number | null,
  unit: string,
  locale: string,
): string {
  const n = (x: number) =>
    x.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumSignificantDigits: 6 });
  if (min !== null && max !== null) return `${n(min)}–${n(max)} ${unit}`;
  if (min !== null) return `≥ ${n(min)} ${unit}`;
  if (max !== null) return `≤ ${n(max)} ${unit}`;
  return unit;
}

export function formatFen(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en", {
    style: "currency",
    currency: "CNY",
    maximumFractionDigits: 0,
  }).format(fen / 100);
}
