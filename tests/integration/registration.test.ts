// Firm self-registration: the happy path, and bad input that gets a field-level error and writes
// nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { auditLog, firms, users } from "@/db/schema";
import { verifyPassword } from "@/server/auth/password";
import { clientMessage, fieldErrorsOf } from "@/server/api/errors";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeFixture } from "../helpers/fixtures";

const { db } = freshDb();
beforeAll(async () => {
  await makeFixture(db);
});

const valid = {
  firmName: "Chengdu Example Materials Co., Ltd.",
  creditCode: "91330100716105852F",
  size: "small" as const,
  industry: "materials" as const,
  prefecture: "chengdu" as const,
  name: "Li Hua",
  email: "Li.Hua@Example.CN",
  password: "violet-kiln-orbit-42",
  locale: "zh" as const,
};

async function refusal(input: Record<string, unknown>) {
  const before = tableCounts(db);
  try {
    await callerFor(db, null).firm.register(input as typeof valid);
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    expect(tableCounts(db)).toEqual(before);
    const e = error as TRPCError;
    return { code: e.code, message: clientMessage(e), fields: fieldErrorsOf(e) ?? {} };
  }
  throw new Error("registration was accepted");
}

describe("firm.register", () => {
  it("creates the firm, its first user with a hashed password, and an audit row", async () => {
    const result = await callerFor(db, null).firm.register(valid);
    const firm = db.select().from(firms).where(eq(firms.id, result.firmId)).get()!;
    expect(firm).toMatchObject({
      name: valid.firmName,
      creditCode: "91330100716105852F",
      size: "small",
      prefecture: "chengdu",
    });
    const user = db.select().from(users).where(eq(users.id, result.userId)).get()!;
    expect(user).toMatchObject({
      email: "li.hua@example.cn",
      role: "firm",
      firmId: firm.id,
      locale: "zh",
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, valid.password)).toBe(true);
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "firm.registered")).all(),
    ).toHaveLength(1);
  });

  it("refuses a bad credit code on that field", async () => {
    const r = await refusal({ ...valid, email: "x1@example.cn", creditCode: "91330100716105852G" });
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toMatch(/creditCode: .*check character/);
  });

  it("refuses a taken email (any case) on that field", async () => {
    const r = await refusal({
      ...valid,
      creditCode: "914403001922038216",
      email: "LI.HUA@example.cn",
    });
    expect(r.code).toBe("CONFLICT");
    expect(r.message).toMatch(/^email: /);
  });

  it("refuses a firm that is already registered", async () => {
    const r = await refusal({ ...valid, email: "new@example.cn" });
    expect(r.code).toBe("CONFLICT");
    expect(r.message).toMatch(/^creditCode: /);
  });

  it("refuses weak passwords: short and common", async () => {
    const short = await refusal({
      ...valid,
      email: "x2@example.cn",
      creditCode: "914403001922038216",
      password: "abc123xyz",
    });
    expect(short.message).toMatch(/password: must be at least 10/);
    const common = await refusal({
      ...valid,
      email: "x3@example.cn",
      creditCode: "914403001922038216",
      password: "password123",
    });
    expect(common.message).toMatch(/password: .*common/);
  });

  it("names every missing or invalid field", async () => {
    const r = await refusal({ password: "violet-kiln-orbit-42", email: "not-an-email" });
    expect(r.code).toBe("BAD_REQUEST");
    for (const field of [
      "firmName",
      "creditCode",
      "size",
      "industry",
      "prefecture",
      "name",
      "email",
    ])
      expect(r.message).toContain(`${field}:`);
  });

  it("refuses an unknown prefecture or size", async () => {
    const r = await refusal({
      ...valid,
      email: "x4@example.cn",
      creditCode: "914403001922038216",
      prefecture: "beijing",
      size: "huge",
    });
    expect(r.message).toMatch(/size: /);
    expect(r.message).toMatch(/prefecture: /);
  });
});
