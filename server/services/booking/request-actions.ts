// The actions a request page offers its reader now: the moves the transition table allows the
// reader's side (within their own requests), and the steps that are not moves (rate, reschedule,
// message, upload), in one order for every page.
import type { RequestStatus } from "@/db/schema/enums";
import type { Actor } from "../actor";
import { canMove, sideOf } from "./transitions";

/** Each move a person makes from a request page, and the status it leads to. */
export const moveActions = {
  quote: "quoted",
  reject: "rejected",
  accept: "confirmed",
  withdraw: "withdrawn",
  start: "in_progress",
  cancel: "cancelled",
  complete: "completed",
} as const satisfies Record<string, RequestStatus>;

export type RequestAction =
  | keyof typeof moveActions
  | "reviseQuote"
  | "rate"
  | "message"
  | "upload"
  | "reschedule"
  | "answerReschedule";

const order: RequestAction[] = [
  "quote",
  "reviseQuote",
  "reject",
  "accept",
  "withdraw",
  "start",
  "cancel",
  "answerReschedule",
  "reschedule",
  "complete",
  "rate",
  "message",
  "upload",
];

export type ActionContext = {
  status: RequestStatus;
  facilityId: number | null;
  quoteValidUntil: number | null;
  /** The firm has rated the completed work. */
  rated: boolean;
  /** A proposed new slot waits for the firm's answer. */
  proposal: boolean;
  /** A member's acceptance waits for a manager's approval: nobody accepts it again meanwhile. */
  awaitingApproval?: boolean;
  at: number;
};

export function actionsFor(actor: Actor, r: ActionContext): RequestAction[] {
  if (actor.role !== "firm" && actor.role !== "operator" && actor.role !== "coordinator") return [];
  const side = sideOf(actor.role);
  // Firms only ever load their own requests; facility staff act on requests routed to them, and
  // coordinators may also reject one still waiting for the hub.
  const mine = side === "firm" || (r.facilityId !== null && r.facilityId === actor.facilityId);
  const waitingForHub = actor.role === "coordinator" && r.facilityId === null;
  const out = new Set<RequestAction>();
  for (const [action, to] of Object.entries(moveActions) as [
    keyof typeof moveActions,
    RequestStatus,
  ][]) {
    if (!canMove(r.status, to, side)) continue;
    if (!mine && !(action === "reject" && waitingForHub)) continue;
    if (action === "accept" && (!((r.quoteValidUntil ?? 0) > r.at) || r.awaitingApproval)) continue;
    out.add(action);
  }
  if (mine && side === "facility" && r.status === "quoted" && (r.quoteValidUntil ?? 0) > r.at)
    out.add("reviseQuote");
  if (mine && r.status === "confirmed")
    if (side === "firm" && r.proposal) out.add("answerReschedule");
    else if (side === "facility" && !r.proposal) out.add("reschedule");
  if (side === "firm" && r.status === "completed" && !r.rated) out.add("rate");
  if (mine) out.add("message").add("upload");
  return order.filter((a) => out.has(a));
}
