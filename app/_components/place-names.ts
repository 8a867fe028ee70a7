// Names of reference data in the current language.
import { prefectures } from "@/db/reference/prefectures";

export function prefectureName(code: string, locale: string): string {
  const p = prefectures.find((x) => x.code === code);
  return p ? (locale === "zh" ? p.zh : p.en) : code;
}
