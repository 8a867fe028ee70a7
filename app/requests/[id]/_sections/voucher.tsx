// The request's innovation-voucher cover: how much is reserved or was redeemed, the facility's
// claims with their outcome, and for the facility the claim button or what the claim still needs.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "../../../_components/format-money";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { FileClaimButton } from "../../../_components/vouchers/claim-buttons";
import type { LoadedRequest } from "./types";

export async function VoucherCover({
  data,
  canClaim,
  timeZone,
}: {
  data: LoadedRequest;
  /** The reader is staff of the facility doing the work. */
  canClaim: boolean;
  timeZone: string;
}) {
  const v = data.voucher;
  if (!v) return null;
  const t = await getTranslations("vouchers");
  const locale = await getLocale();
  const format = await getFormatter();
  const money = (fen: number) => formatMoney(fen, locale);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeZone });
  const state =
    v.redeemedFen > 0
      ? t("coverRedeemed", { amount: money(v.redeemedFen) })
      : v.openFen > 0
        ? t("coverReserved", { amount: money(v.openFen) })
        : t("coverReleased", { amount: money(v.releasedFen) });
  return (
    <section
      className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm"
      data-testid="voucher-cover"
    >
      <h2 className="font-medium">{t("coverTitle")}</h2>
      <p data-testid="voucher-state">{state}</p>
      {v.claims.length > 0 && (
        <ul className="space-y-1">
          {v.claims.map((c) => (
            <li key={c.id} data-testid={`claim-${c.id}`} data-status={c.status}>
              {t("claimLine", {
                status: c.status,
                amount: money(c.amountFen),
                filed: day(c.filedAt),
              })}
              {c.decidedAt !== null && ` · ${day(c.decidedAt)}`}
              {c.reason && (
                <span className="block text-red-900">{t("returnedFor", { reason: c.reason })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canClaim && v.claimable && (
        <ClientIntl namespaces={["vouchers"]}>
          <TRPCReactProvider>
            <FileClaimButton requestId={data.request.id} reference={data.request.ref} />
          </TRPCReactProvider>
        </ClientIntl>
      )}
      {canClaim && v.missing.length > 0 && (
        <div data-testid="claim-missing">
          <p>{t("claimNeeds")}</p>
          <ul className="list-disc pl-5">
            {v.missing.map((m) => (
              <li key={m}>{t(`needs.${m as "invoice"}`)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
