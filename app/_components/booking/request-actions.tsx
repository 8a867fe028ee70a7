"use client";
// The actions a user may take on a request now (server/services/booking/request-actions.ts says
// which), each a small form; outcomes are toasts and the page refreshes from the server.
import { useTranslations } from "next-intl";
import type { RequestAction } from "@/server/services/booking/get-request";
import { useActionKit, type RequestActionProps } from "./actions/action-kit";
import { AnswerReschedule, MoveButtons, ReasonForm } from "./actions/move-forms";
import { QuoteForm, RescheduleForm } from "./actions/slot-forms";
import { MessageForm, RateForm, UploadForm } from "./actions/party-forms";

export function RequestActions(p: RequestActionProps) {
  const t = useTranslations("request");
  const kit = useActionKit(p);
  const has = (...actions: RequestAction[]) => actions.some((a) => p.actions.includes(a));
  const sections = [
    has("accept", "withdraw", "start", "complete") && <MoveButtons key="buttons" kit={kit} />,
    has("quote") && <QuoteForm key="quote" kit={kit} />,
    has("reviseQuote") && <QuoteForm key="revise" kit={kit} revise />,
    has("answerReschedule") && <AnswerReschedule key="answer" kit={kit} />,
    has("reschedule") && <RescheduleForm key="reschedule" kit={kit} />,
    has("reject") && <ReasonForm key="reject" kit={kit} action="reject" />,
    has("cancel") && <ReasonForm key="cancel" kit={kit} action="cancel" />,
    has("rate") && <RateForm key="rate" kit={kit} />,
    has("upload") && <UploadForm key="upload" kit={kit} />,
    has("message") && <MessageForm key="message" kit={kit} />,
  ].filter(Boolean);
  return sections.length ? (
    <div className="space-y-3">{sections}</div>
  ) : (
    <p className="text-sm text-slate-600">{t("noActions")}</p>
  );
}
