// The language a user reads the app in; notifications and emails to them are written in it.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { now } from "../clock";
import { parseInput } from "../parse-input";

export const setLocaleInput = z.object({ locale: z.enum(["en", "zh"]) });

export function setLocale(db: DB, actor: Actor, raw: z.input<typeof setLocaleInput>) {
  const { locale } = parseInput(setLocaleInput, raw);
  if (locale !== actor.locale)
    db.update(users).set({ locale, updatedAt: now() }).where(eq(users.id, actor.userId)).run();
  return { locale };
}
