// Each user's reminder switches: which of their role's reminders they receive (all, by default).
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { reminderKinds, reminderOptOuts, type ReminderKind } from "@/db/schema";
import type { Actor } from "../actor";
import { validation } from "../errors";
import { remindersOf } from "./due";

export const setReminderInput = z.object({
  kind: z.enum(reminderKinds, { error: "field.reminderKind" }),
  on: z.boolean({ error: "field.reminderOn" }),
});

export function reminderSettings(db: DB, actor: Actor): { kind: ReminderKind; on: boolean }[] {
  const off = new Set(
    db
      .select({ kind: reminderOptOuts.kind })
      .from(reminderOptOuts)
      .where(eq(reminderOptOuts.userId, actor.userId))
      .all()
      .map((r) => r.kind),
  );
  return remindersOf[actor.role].map((kind) => ({ kind, on: !off.has(kind) }));
}

export function setReminder(db: DB, actor: Actor, input: z.infer<typeof setReminderInput>) {
  if (!remindersOf[actor.role].includes(input.kind)) throw validation("kind", "field.reminderKind");
  if (input.on)
    db.delete(reminderOptOuts)
      .where(and(eq(reminderOptOuts.userId, actor.userId), eq(reminderOptOuts.kind, input.kind)))
      .run();
  else
    db.insert(reminderOptOuts)
      .values({ userId: actor.userId, kind: input.kind })
      .onConflictDoNothing()
      .run();
  return reminderSettings(db, actor);
}
