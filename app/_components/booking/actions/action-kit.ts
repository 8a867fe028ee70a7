"use client";
// What every action form of a request page shares: the request's props, one busy flag (so no two
// actions run at once), the mutation callbacks (a toast, then fresh server data) and the styles.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../../_trpc/client";
import { useToast } from "../../toaster";
import { useRefusalText } from "../../refusal-text";
import type { RequestAction } from "@/server/services/booking/get-request";
import type { SuggestedLine } from "@/server/services/money/suggested-lines";
import type { VoucherOffer } from "@/server/services/vouchers/offer";

export type RequestActionProps = {
  requestId: number;
  /** The reference, for the outcome toasts. */
  reference: string;
  /** From when work may start without a reason; null when the request has no slot. */
  startOpensAt: number | null;
  version: number;
  actions: RequestAction[];
  /** The facility's operational equipment, with its hourly rate (fen). */
  equipment: { id: number; name: string; rate: number }[];
  preferredEquipmentId: number | null;
  /** The slot the firm picked when it asked (or the slot last quoted), if any. */
  preferredSlot: { start: number; end: number } | null;
  window: { from: number; to: number };
  hours: number;
  units: number;
  /** The lines a quote starts with (the fee schedule applied, or machine time). */
  suggestedLines: SuggestedLine[];
  /** The facility's VAT rate, in basis points. */
  vatRateBp: number;
  /** The facility's time zone: quote validity and slots are read in it. */
  timeZone: string;
  /** For a firm about to accept: what its innovation vouchers can pay of the quote. */
  voucherOffer: VoucherOffer | null;
};

/** What an action did, for its toast (request.did.* in the catalogs). */
export type Outcome =
  | "accept"
  | "start"
  | "complete"
  | "withdraw"
  | "reject"
  | "cancel"
  | "quote"
  | "reviseQuote"
  | "reschedule"
  | "acceptReschedule"
  | "declineReschedule"
  | "rate"
  | "message"
  | "upload"
  | "awaitingApproval";

export const styles = {
  box: "rounded-lg border border-slate-200 bg-white p-4 space-y-2",
  button:
    "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60",
  secondary:
    "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-60",
  input: "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm",
  danger:
    "rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60",
};

export function useActionKit(p: RequestActionProps) {
  const t = useTranslations("request");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const [busy, setBusy] = useState(false);
  const done = (outcome: Outcome) => (
    toast("success", t(`did.${outcome}`, { ref: p.reference })),
    router.refresh()
  );
  const optionsFor = (outcome: Outcome) => ({
    // An acceptance above the firm's spending threshold waits for a manager instead.
    onSuccess: (data?: unknown) =>
      done(
        (data as { awaitingApproval?: boolean } | undefined)?.awaitingApproval
          ? "awaitingApproval"
          : outcome,
      ),
    onError: (e: unknown) => toast("error", refusals.message(e)),
    onSettled: () => setBusy(false),
  });
  return {
    p,
    t,
    trpc,
    busy,
    setBusy,
    toast,
    refusals,
    done,
    base: { id: p.requestId, version: p.version },
    /** Callbacks for a mutation of the request: a toast that says what happened, then a refresh. */
    optionsFor,
    /** A submitted form's fields; marks the page busy. */
    fields(e: FormEvent<HTMLFormElement>) {
      e.preventDefault();
      setBusy(true);
      return Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    },
  };
}

export type ActionKit = ReturnType<typeof useActionKit>;
