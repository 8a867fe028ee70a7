// A firm registers itself with its first user account.
import { eq } from "drizzle-orm";
import { firms, users } from "@/db/schema";
import type { DB } from "@/db/client";
import { hashPassword } from "@/server/auth/password";
import { fieldRefusal } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { registerFirmInput, type RegisterFirmInput } from "./register-input";
import { parseInput } from "../parse-input";

export async function registerFirm(db: DB, raw: RegisterFirmInput, ip: string | null = null) {
  const input = parseInput(registerFirmInput, raw);
  const passwordHash = await hashPassword(input.password);

  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get())
        throw fieldRefusal("CONFLICT", "email", "field.emailTaken");
      if (
        tx.select({ id: firms.id }).from(firms).where(eq(firms.creditCode, input.creditCode)).get()
      )
        throw fieldRefusal("CONFLICT", "creditCode", "field.firmTaken");
      const firm = tx
        .insert(firms)
        .values({
          name: input.firmName,
          creditCode: input.creditCode,
          size: input.size,
          industry: input.industry,
          prefecture: input.prefecture,
        })
        .returning({ id: firms.id })
        .get();
      const user = tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          passwordHash,
          role: "firm",
          firmId: firm.id,
          locale: input.locale,
        })
        .returning({ id: users.id })
        .get();
      recordAudit(tx, {
        action: "firm.registered",
        actorId: user.id,
        actorEmail: input.email,
        target: `firm:${firm.id}`,
        detail: { firmName: input.firmName, creditCode: input.creditCode },
        ip,
      });
      return { firmId: firm.id, userId: user.id };
    },
    { behavior: "immediate" },
  );
}
