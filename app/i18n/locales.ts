export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];
export const LOCALE_COOKIE = "locale";
