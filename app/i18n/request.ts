// The language of a request: the visitor's saved choice (cookie), else their browser's preference.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { catalogs } from "@/server/i18n/render";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";
import { locales, LOCALE_COOKIE, type Locale } from "./locales";

export default getRequestConfig(async () => {
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  let locale: Locale = "en";
  if (saved && (locales as readonly string[]).includes(saved)) locale = saved as Locale;
  else if (/^zh\b/i.test((await headers()).get("accept-language") ?? "")) locale = "zh";
  return {
    locale,
    timeZone: NETWORK_TIME_ZONE,
    // The app's own words and the server's (refusals, names, notifications), one catalog each.
    messages: {
      ...(await import(`./messages/${locale}.json`)).default,
      ...catalogs[locale],
    },
  };
});
