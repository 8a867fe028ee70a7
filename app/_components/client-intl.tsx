// Gives the client components of a form page the message namespaces they read; pages without
// such forms send no catalog and no message-formatting code to the browser.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** Every form renders refusals, so every form gets their catalog. */
const REFUSAL_NAMESPACES = ["refusals", "names", "fieldNames"];

export async function ClientIntl({
  namespaces,
  children,
}: {
  namespaces: string[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={Object.fromEntries(
        [...namespaces, ...REFUSAL_NAMESPACES].map((ns) => [ns, messages[ns]]),
      )}
    >
      {children}
    </NextIntlClientProvider>
  );
}
