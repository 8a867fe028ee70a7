// One-time links: a random token (256 bits, base64url) goes out by email; only its SHA-256 is
// stored. Taking a token checks it in the caller's write transaction: unknown, expired, used and
// withdrawn tokens are refused alike ("this link is not valid"), and every use and failure is
// audited.
import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { accountTokens } from "@/db/schema";
import { refuse } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";

export type TokenKind = (typeof accountTokens.$inferSelect)["kind"];
export type TokenRow = typeof accountTokens.$inferSelect;

export const HOUR = 3_600_000;
/** How long each kind of link works. */
export const TOKEN_LIFETIME: Record<TokenKind, number> = {
  invite: 7 * 24 * HOUR,
  reset: HOUR,
  verify: 7 * 24 * HOUR,
};

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A new link of `kind`: earlier unused ones of the same kind and email stop working. */
export function issueToken(
  tx: DbOrTx,
  values: Omit<
    typeof accountTokens.$inferInsert,
    "tokenHash" | "expiresAt" | "createdAt" | "usedAt" | "revokedAt" | "id"
  >,
): { token: string; row: TokenRow } {
  const at = now();
  tx.update(accountTokens)
    .set({ revokedAt: at })
    .where(
      and(
        eq(accountTokens.kind, values.kind),
        eq(accountTokens.email, values.email),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    )
    .run();
  const token = crypto.randomBytes(32).toString("base64url");
  const row = tx
    .insert(accountTokens)
    .values({
      ...values,
      tokenHash: hashOf(token),
      expiresAt: at + TOKEN_LIFETIME[values.kind],
      createdAt: at,
    })
    .returning()
    .get();
  return { token, row };
}

/** The unused, unexpired token of `kind`, read without using it (what a link's page shows). */
export function peekToken(db: DbOrTx, kind: TokenKind, raw: string): TokenRow | undefined {
  return db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashOf(raw)),
        eq(accountTokens.kind, kind),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now()),
      ),
    )
    .get();
}

/** Runs `work` with the live token of `kind` and marks it used, in one write transaction. An
 * unknown, expired, used or withdrawn token is refused alike, and the refusal is audited; when
 * `work` refuses, the token stays unused. */
export function withToken<T>(
  db: DB,
  kind: TokenKind,
  token: string,
  ip: string | null,
  work: (tx: DbOrTx, row: TokenRow) => { result: T; actorId: number | null },
): T {
  const outcome = db.transaction(
    (tx) => {
      const row =
        typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token)
          ? tx
              .select()
              .from(accountTokens)
              .where(and(eq(accountTokens.tokenHash, hashOf(token)), eq(accountTokens.kind, kind)))
              .get()
          : undefined;
      const why = !row
        ? "unknown"
        : row.usedAt !== null
          ? "used"
          : row.revokedAt !== null
            ? "withdrawn"
            : row.expiresAt <= now()
              ? "expired"
              : null;
      if (why) return { refused: { why, row } };
      const done = work(tx, row!);
      tx.update(accountTokens).set({ usedAt: now() }).where(eq(accountTokens.id, row!.id)).run();
      recordAudit(tx, {
        action: "token.used",
        actorId: done.actorId,
        actorEmail: row!.email,
        target: `token:${row!.id}`,
        detail: { kind },
        ip,
      });
      return { done };
    },
    { behavior: "immediate" },
  );
  if ("refused" in outcome) {
    const { why, row } = outcome.refused!;
    recordAudit(db, {
      action: "token.refused",
      actorEmail: row?.email ?? null,
      target: row ? `token:${row.id}` : null,
      detail: { kind, why },
      ip,
    });
    throw refuse("INVALID_STATE", "token.invalid", { kind });
  }
  return outcome.done!.result;
}
