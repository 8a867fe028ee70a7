// Billing of a completed request: what was quoted, invoiced and paid, each fapiao with its
// payments and balance; the facility records invoices and payments here.
import { formatMoney } from "../../../_components/format-money";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { serverCaller } from "../../../_trpc/server";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { InvoiceForm, PaymentForm, VoidInvoice } from "../../../_components/booking/billing-forms";
import type { LoadedRequest } from "./types";

export async function Billing({
  data,
  canRecord,
  timeZone,
}: {
  data: LoadedRequest;
  /** The reader is staff of the facility doing the work. */
  canRecord: boolean;
  timeZone: string;
}) {
  const r = data.request;
  if (r.status !== "completed" || r.quoteAmountFen === null) return null;
  const t = await getTranslations("billing");
  const locale = await getLocale();
  const format = await getFormatter();
  // Fapiao and payments are dated by day, in the facility's time zone.
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeZone });
  const b = await (await serverCaller()).billing.get({ id: r.id });
  const money = (fen: number) => formatMoney(fen, locale);
  const figures: [string, number, string][] = [
    [t("quoted"), b.quotedFen ?? 0, "quoted"],
    [t("invoicedTotal"), b.invoicedFen, "invoiced"],
    [t("paidTotal"), b.paidFen, "paid"],
    ...(b.voucherFen > 0
      ? [[t("voucher"), b.voucherFen, "voucher"] as [string, number, string]]
      : []),
    [t("balance"), b.balanceFen, "balance"],
  ];
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="billing"
    >
      <h2 className="font-medium">{t("title")}</h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {figures.map(([label, fen, id]) => (
          <div key={id}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="tabular-nums" data-testid={`billing-${id}`}>
              {money(fen)}
            </dd>
          </div>
        ))}
      </dl>
      {b.invoices.length === 0 ? (
        <p className="text-slate-600">{t("noInvoices")}</p>
      ) : (
        <ul className="space-y-3">
          {b.invoices.map((i) => (
            <li
              key={i.id}
              className="rounded border border-slate-200 p-3"
              data-testid={`invoice-${i.number}`}
            >
              <p className="font-medium">
                {t("invoiceLine", {
                  number: i.number,
                  date: day(i.issuedAt),
                  amount: money(i.amountFen),
                })}
                {i.status === "void" ? (
                  <span className="ml-2 rounded bg-red-50 px-1 text-xs text-red-900">
                    {t("voidWith", { reason: i.voidReason ?? "" })}
                  </span>
                ) : (
                  <span className="ml-2 text-xs text-slate-600">
                    {t("owed", { amount: money(Math.min(i.balanceFen, b.balanceFen)) })}
                  </span>
                )}
                {i.attachmentId && (
                  <a
                    href={`/api/attachments/${i.attachmentId}`}
                    className="ml-2 text-xs text-brand-700 underline"
                  >
                    {t("pdf")}
                  </a>
                )}
              </p>
              {i.payments.length > 0 && (
                <ul className="mt-1 space-y-0.5 text-slate-700">
                  {i.payments.map((pay) => (
                    <li key={pay.id}>
                      {t("paymentLine", {
                        date: day(pay.paidAt),
                        amount: money(pay.amountFen),
                        reference: pay.bankReference,
                      })}
                    </li>
                  ))}
                </ul>
              )}
              {canRecord && i.status === "issued" && (
                <ClientIntl namespaces={["billing"]}>
                  <TRPCReactProvider>
                    {Math.min(i.balanceFen, b.balanceFen) > 0 && (
                      <PaymentForm
                        key={`${i.id}-${i.balanceFen}`}
                        invoiceId={i.id}
                        number={i.number}
                        balanceFen={Math.min(i.balanceFen, b.balanceFen)}
                        timeZone={timeZone}
                      />
                    )}
                    {i.payments.length === 0 && <VoidInvoice invoiceId={i.id} number={i.number} />}
                  </TRPCReactProvider>
                </ClientIntl>
              )}
            </li>
          ))}
        </ul>
      )}
      {canRecord && b.uninvoicedFen > 0 && (
        <ClientIntl namespaces={["billing"]}>
          <TRPCReactProvider>
            <InvoiceForm requestId={r.id} openFen={b.uninvoicedFen} timeZone={timeZone} />
          </TRPCReactProvider>
        </ClientIntl>
      )}
    </section>
  );
}
