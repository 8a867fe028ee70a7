// Firm self-registration: the happy path, uniform answers for taken emails and credit codes (told
// by email instead), the per-address budget, and bad input that gets a field-level error and writes
// nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { auditLog, emailOutbox, firms, users } from "@/db/schema";
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

const mailsTo = (address: string) =>
  db
    .select({ subject: emailOutbox.subject, body: emailOutbox.body })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(emailOutbox.id)
    .all();

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
  it("creates the firm, its first user with a hashed password, an audit row and a welcome email", async () => {
    const result = await callerFor(db, null).firm.register(valid);
    expect(result).toEqual({ email: "li.hua@example.cn" });
    const user = db.select().from(users).where(eq(users.email, "li.hua@example.cn")).get()!;
    const firm = db.select().from(firms).where(eq(firms.id, user.firmId!)).get()!;
    expect(firm).toMatchObject({
      name: valid.firmName,
      creditCode: "91330100716105852F",
      size: "small",
      prefecture: "chengdu",
    });
    expect(user).toMatchObject({ role: "firm", firmId: firm.id, locale: "zh" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, valid.password)).toBe(true);
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "firm.registered")).all(),
    ).toHaveLength(1);
    expect(mailsTo("li.hua@example.cn")).toEqual([
      expect.objectContaining({
        subject: "您企业的账号已开通",
        body: expect.stringContaining("http://localhost:3000/signin"),
      }),
    ]);
  });

  it("answers a taken email (any case) exactly like a new one, and tells the owner by email", async () => {
    const before = tableCounts(db);
    const answer = await callerFor(db, null).firm.register({
      ...valid,
      creditCode: "914403001922038216",
      email: "LI.HUA@example.cn",
      password: "another-kiln-orbit-43",
    });
    expect(answer).toEqual({ email: "li.hua@example.cn" });
    expect(tableCounts(db)).toMatchObject({ users: before.users, firms: before.firms });
    const owner = db.select().from(users).where(eq(users.email, "li.hua@example.cn")).get()!;
    expect(await verifyPassword(owner.passwordHash, valid.password)).toBe(true);
    expect(mailsTo("li.hua@example.cn").map((m) => m.subject)).toEqual([
      "您企业的账号已开通",
      "有人尝试用您的邮箱注册",
    ]);
  });

  it("answers a registered credit code like a new one; the registrant and the firm are told", async () => {
    const answer = await callerFor(db, null).firm.register({
      ...valid,
      email: "new@example.cn",
      locale: "en",
    });
    expect(answer).toEqual({ email: "new@example.cn" });
    expect(db.select().from(users).where(eq(users.email, "new@example.cn")).get()).toBeUndefined();
    expect(mailsTo("new@example.cn")).toEqual([
      expect.objectContaining({
        subject: "Your firm is already registered",
        body: expect.stringContaining("91330100716105852F"),
      }),
    ]);
    expect(mailsTo("li.hua@example.cn").at(-1)).toMatchObject({
      subject: "有人尝试重复注册贵企业",
      body: expect.stringContaining("new@example.cn"),
    });
  });

  it("takes 5 registrations an hour from one address, then refuses and changes nothing", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 5; i++)
      await callerFor(db, null, ip).firm.register({ ...valid, email: `burst${i}@example.cn` });
    const before = tableCounts(db);
    const sixth = await callerFor(db, null, ip)
      .firm.register({ ...valid, email: "burst5@example.cn" })
      .catch((e: TRPCError) => e);
    expect(sixth).toBeInstanceOf(TRPCError);
    expect((sixth as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    expect(clientMessage(sixth as TRPCError)).toMatch(/Too many attempts. Try again in 60 minutes/);
    expect(tableCounts(db)).toEqual(before);
    // another address is unaffected
    await callerFor(db, null, "203.0.113.78").firm.register({
      ...valid,
      email: "other@example.cn",
    });
  });

  it("mails one address at most 3 times an hour about registration attempts", async () => {
    for (let i = 0; i < 4; i++)
      await callerFor(db, null, `203.0.113.${90 + i}`).firm.register({
        ...valid,
        email: "flooded@example.cn",
      });
    expect(mailsTo("flooded@example.cn")).toHaveLength(3);
  });

  it("refuses a bad credit code on that field", async () => {
    const r = await refusal({ ...valid, email: "x1@example.cn", creditCode: "91330100716105852G" });
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toMatch(/creditCode: .*check character/);
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
