// The request state machine of DESIGN.md: who may move a request from which status to which.
import type { RequestStatus, Role } from "@/db/schema/enums";
import { DomainError } from "../errors";

type Side = "firm" | "facility" | "system";

const allowed: Record<string, { from: RequestStatus[]; by: Side[] }> = {
  quoted: { from: ["submitted"], by: ["facility"] },
  confirmed: { from: ["quoted"], by: ["firm"] },
  withdrawn: { from: ["submitted", "quoted"], by: ["firm"] },
  rejected: { from: ["submitted"], by: ["facility"] },
  expired: { from: ["quoted"], by: ["system"] },
  in_progress: { from: ["confirmed"], by: ["facility"] },
  completed: { from: ["in_progress"], by: ["facility"] },
  cancelled: { from: ["confirmed"], by: ["firm", "facility"] },
};

export function sideOf(role: Role | "system"): Side {
  return role === "firm" ? "firm" : role === "system" ? "system" : "facility";
}

/** Throws INVALID_STATE (with both statuses named) unless the move is allowed for this side. */
export function assertTransition(from: RequestStatus, to: RequestStatus, by: Side): void {
  const rule = allowed[to];
  if (!rule || !rule.from.includes(from))
    throw new DomainError(
      "INVALID_STATE",
      `A ${from.replace("_", " ")} request cannot become ${to.replace("_", " ")}.`,
    );
  if (!rule.by.includes(by))
    throw new DomainError(
      "FORBIDDEN",
      `Only the ${rule.by.join(" or ")} may make a request ${to.replace("_", " ")}.`,
    );
}
