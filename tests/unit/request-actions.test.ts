// Every (status, role, action): what a request page offers, written out by hand from DESIGN.md's
// state machine and checked against the actions derived from the transition table.
import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/db/schema/enums";
import type { Actor } from "@/server/services/actor";
import { actionsFor, type ActionContext } from "@/server/services/booking/request-actions";

const FACILITY = 7;
const actor = (role: Actor["role"], facilityId: number | null = null): Actor => ({
  userId: 1,
  email: "x@pilot.demo",
  name: "X",
  role,
  firmId: role === "firm" ? 3 : null,
  firmRole: role === "firm" ? "member" : null,
  emailVerified: true,
  facilityId,
  locale: "en",
  mustChangePassword: false,
});
const readers = {
  firm: actor("firm"),
  operator: actor("operator", FACILITY),
  otherOperator: actor("operator", FACILITY + 1),
  coordinator: actor("coordinator", 1),
  admin: actor("admin"),
};
type Reader = keyof typeof readers;

const AT = 1_000_000;
const base: Omit<ActionContext, "status"> = {
  facilityId: FACILITY,
  quoteValidUntil: AT + 60_000,
  rated: false,
  proposal: false,
  at: AT,
};

// status → reader → actions, in the page's order.
const expected: Record<RequestStatus, Record<Reader, string[]>> = {
  submitted: {
    firm: ["withdraw", "message", "upload"],
    operator: ["quote", "reject", "message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  quoted: {
    firm: ["accept", "withdraw", "message", "upload"],
    operator: ["reviseQuote", "message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  confirmed: {
    firm: ["cancel", "message", "upload"],
    operator: ["start", "cancel", "reschedule", "message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  in_progress: {
    firm: ["message", "upload"],
    operator: ["complete", "message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  completed: {
    firm: ["rate", "message", "upload"],
    operator: ["message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  withdrawn: {
    firm: ["message", "upload"],
    operator: ["message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  rejected: {
    firm: ["message", "upload"],
    operator: ["message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  expired: {
    firm: ["message", "upload"],
    operator: ["message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
  cancelled: {
    firm: ["message", "upload"],
    operator: ["message", "upload"],
    otherOperator: [],
    coordinator: [],
    admin: [],
  },
};

describe("request page actions from the transition table", () => {
  for (const [status, byReader] of Object.entries(expected) as [
    RequestStatus,
    Record<Reader, string[]>,
  ][])
    for (const [reader, actions] of Object.entries(byReader) as [Reader, string[]][])
      it(`${status}, ${reader}: ${actions.join(", ") || "nothing"}`, () => {
        expect(actionsFor(readers[reader], { ...base, status })).toEqual(actions);
      });

  it("an expired quote cannot be accepted or revised, only withdrawn", () => {
    const r = { ...base, status: "quoted" as const, quoteValidUntil: AT };
    expect(actionsFor(readers.firm, r)).toEqual(["withdraw", "message", "upload"]);
    expect(actionsFor(readers.operator, r)).toEqual(["message", "upload"]);
  });

  it("a pending new slot: the firm answers it, the operator cannot propose another", () => {
    const r = { ...base, status: "confirmed" as const, proposal: true };
    expect(actionsFor(readers.firm, r)).toEqual([
      "cancel",
      "answerReschedule",
      "message",
      "upload",
    ]);
    expect(actionsFor(readers.operator, r)).toEqual(["start", "cancel", "message", "upload"]);
  });

  it("rated work offers no second rating", () => {
    const r = { ...base, status: "completed" as const, rated: true };
    expect(actionsFor(readers.firm, r)).toEqual(["message", "upload"]);
  });

  it("a request waiting for the hub: coordinators may reject it, operators see nothing", () => {
    const r = { ...base, status: "submitted" as const, facilityId: null };
    expect(actionsFor(readers.coordinator, r)).toEqual(["reject"]);
    expect(actionsFor(readers.operator, r)).toEqual([]);
    expect(actionsFor(readers.firm, r)).toEqual(["withdraw", "message", "upload"]);
  });

  it("the hub's own requests: a coordinator acts on them as their operator", () => {
    const r = { ...base, status: "submitted" as const, facilityId: 1 };
    expect(actionsFor(readers.coordinator, r)).toEqual(["quote", "reject", "message", "upload"]);
  });
});
