// The department marks which facility staff are authorised signatories: they approve and revoke
// their facility's reports. Only operators and coordinators (staff of a facility) can hold it.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { recordAudit } from "../audit/record-audit";
import { staffTarget } from "./accounts";

export const setSignatoryInput = z.object({ id: idInput(), signatory: z.boolean() });

export function setSignatory(db: DB, actor: Actor, raw: z.input<typeof setSignatoryInput>) {
  const input = parseInput(setSignatoryInput, raw);
  const user = staffTarget(db, actor, input.id);
  if (user.role !== "operator" && user.role !== "coordinator")
    throw refuse("INVALID_STATE", "admin.signatoryStaffOnly", { email: user.email });
  db.transaction((tx) => {
    tx.update(users)
      .set({ signatory: input.signatory, updatedAt: now() })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, {
      action: input.signatory ? "admin.signatory_granted" : "admin.signatory_withdrawn",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `user:${user.id}`,
      detail: { email: user.email },
    });
  });
  return { id: user.id, signatory: input.signatory };
}
