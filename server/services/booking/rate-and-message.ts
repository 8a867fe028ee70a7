// Feedback after completion (once, 1–5 with a comment) and messages between firm and facility.
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { feedback, messages } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { messageInput, rateInput } from "./inputs";
import { loadRequestFor } from "./request-access";
import { notifyOtherParty } from "./notify";
import type { z } from "zod";

export function rateRequest(
  db: DB,
  actor: Actor & { firmId: number },
  raw: z.input<typeof rateInput>,
) {
  const input = parseInput(rateInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      if (r.status !== "completed")
        throw refuse("INVALID_STATE", "request.notCompleted", { ref: r.ref });
      if (tx.select({ id: feedback.id }).from(feedback).where(eq(feedback.requestId, r.id)).get())
        throw refuse("CONFLICT", "request.alreadyRated", { ref: r.ref });
      tx.insert(feedback)
        .values({
          requestId: r.id,
          firmId: actor.firmId,
          authorId: actor.userId,
          rating: input.rating,
          comment: input.comment,
          createdAt: at,
        })
        .run();
      notifyOtherParty(tx, r, actor.userId, "request.rated", at, `${input.rating}/5`);
      return { id: r.id, rating: input.rating };
    },
    { behavior: "immediate" },
  );
}

export function postMessage(db: DB, actor: Actor, raw: z.input<typeof messageInput>) {
  const input = parseInput(messageInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      if (actor.role === "admin") throw refuse("FORBIDDEN", "request.adminsReadOnly");
      if (actor.role !== "firm" && r.facilityId !== actor.facilityId)
        throw refuse("INVALID_STATE", "request.notRouted", { ref: r.ref });
      const m = tx
        .insert(messages)
        .values({ requestId: r.id, authorId: actor.userId, body: input.body, createdAt: at })
        .returning({ id: messages.id })
        .get();
      notifyOtherParty(tx, r, actor.userId, "request.message", at, input.body.slice(0, 140));
      return { id: m.id };
    },
    { behavior: "immediate" },
  );
}
