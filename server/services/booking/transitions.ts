// The request state machine (DESIGN.md, "The booking request's life"): from each status, the
// statuses a request may move to and which side may move it. The checks of every move and the
// actions a request page offers (request-actions.ts) are read from this one table.
import type { RequestStatus, Role } from "@/db/schema/enums";
import { refuse } from "../errors";

export type Side = "firm" | "facility" | "system";

export const transitions: Record<RequestStatus, Partial<Record<RequestStatus, readonly Side[]>>> = {
  submitted: { quoted: ["facility"], withdrawn: ["firm"], rejected: ["facility"] },
  // Back to "submitted" (and to the hub) when a fault takes the equipment away: hand-to-hub.ts.
  quoted: {
    confirmed: ["firm"],
    withdrawn: ["firm"],
    expired: ["system"],
    submitted: ["facility"],
  },
  confirmed: {
    in_progress: ["facility"],
    cancelled: ["firm", "facility"],
    submitted: ["facility"],
  },
  in_progress: { completed: ["facility"] },
  completed: {},
  withdrawn: {},
  rejected: {},
  expired: {},
  cancelled: {},
};

export function sideOf(role: Role | "system"): Side {
  return role === "firm" ? "firm" : role === "system" ? "system" : "facility";
}

/** Whether the table lets this side move a request from one status to the other. */
export function canMove(from: RequestStatus, to: RequestStatus, by: Side): boolean {
  return transitions[from][to]?.includes(by) ?? false;
}

/** Throws INVALID_STATE (with both statuses named) unless the move is allowed for this side. */
export function assertTransition(from: RequestStatus, to: RequestStatus, by: Side): void {
  const sides = transitions[from][to];
  if (!sides)
    throw refuse("INVALID_STATE", "request.badTransition", { fromStatus: from, toStatus: to });
  if (!sides.includes(by))
    throw refuse("FORBIDDEN", "request.wrongSide", { sides: sides.join(","), toStatus: to });
}
