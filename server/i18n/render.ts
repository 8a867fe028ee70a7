// Server-side text in the reader's language: refusals (a stable code and its parameters, the
// sentence rendered from the catalogs in ./messages), request statuses and other names, and the
// notifications and emails. The app merges these catalogs into its own, so the UI renders the
// same codes with the same words.
// How parameters read (dates, enum names) is refusal-values.ts, shared with the browser.
import { createTranslator } from "use-intl/core";
import en from "./messages/en.json";
import zh from "./messages/zh.json";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";
import { refusalValues, type ParamValue, type RefusalParams } from "./refusal-values";

export type Locale = "en" | "zh";
export const catalogs = { en, zh } as const;

export type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type RefusalCode = Leaves<typeof en.refusals>;
export type { ParamValue, RefusalParams };
/** A refusal as clients receive it: the code and its parameters. */
export type Refusal = { code: RefusalCode; params?: RefusalParams };

const translators = {
  en: createTranslator({ locale: "en", messages: en, timeZone: NETWORK_TIME_ZONE }),
  zh: createTranslator({ locale: "zh", messages: zh, timeZone: NETWORK_TIME_ZONE }),
};

/** The sentence of a refusal in one language. */
export function renderRefusal(locale: Locale, refusal: Refusal): string {
  const values = refusalValues(catalogs[locale].names, refusal.params);
  return translators[locale](`refusals.${refusal.code}` as never, values as never);
}

/** A request event's note written by the system (not typed by a person). */
export type EventCode = keyof typeof en.events;

/** A message of the server catalogs (notifications, emails, event notes) in one language. */
export function renderText(
  locale: Locale,
  key:
    | "notifications.title"
    | "notifications.emailBody"
    | `events.${EventCode}`
    | `registrationMail.${keyof typeof en.registrationMail}`
    | `voucherMail.${keyof typeof en.voucherMail}`
    | `sampleLabels.${Leaves<typeof en.sampleLabels>}`
    | `reportStamp.${Leaves<typeof en.reportStamp>}`
    | `accountMail.${keyof typeof en.accountMail}`
    | `reminderMail.${Leaves<typeof en.reminderMail>}`,
  params: Record<string, ParamValue> = {},
): string {
  return translators[locale](key, refusalValues(catalogs[locale].names, params) as never);
}

/** Whether a string is a refusal code of the catalogs (zod messages are codes). */
export function isRefusalCode(value: string): value is RefusalCode {
  let node: unknown = en.refusals;
  for (const part of value.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
