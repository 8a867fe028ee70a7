// Small hand-made fixtures: two facilities (one the hub), two firms, one user per role.
import type { DB } from "@/db/client";
import { facilities, firms, users } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { hashPassword } from "@/server/auth/password";
import { makeCreditCode } from "@/db/seed/credit-codes";

export const PASSWORD = "correct-horse-battery";

export type Fixture = Awaited<ReturnType<typeof makeFixture>>;

export async function makeFixture(db: DB) {
  const passwordHash = await hashPassword(PASSWORD);
  const facility = (slug: string, kind: "hub" | "facility") =>
    db
      .insert(facilities)
      .values({
        slug,
        nameEn: slug,
        nameZh: slug,
        kind,
        prefecture: "chengdu",
        openingHours: openingHoursPresets.office,
        // Tests start work whenever their story needs; the early-start rule has its own test.
        earlyStartMinutes: 7 * 24 * 60,
      })
      .returning()
      .get();
  const hub = facility("hub", "hub");
  const lab = facility("lab-a", "facility");
  const otherLab = facility("lab-b", "facility");
  const firm = (name: string, creditCode: string) =>
    db
      .insert(firms)
      .values({ name, creditCode, size: "small", industry: "chemicals", prefecture: "chengdu" })
      .returning()
      .get();
  const firmA = firm("Firm A", makeCreditCode("510100", "10000001"));
  const firmB = firm("Firm B", makeCreditCode("510700", "10000002"));
  const user = (
    email: string,
    role: "firm" | "operator" | "coordinator" | "admin",
    extra: { firmId?: number; facilityId?: number } = {},
  ) =>
    db
      .insert(users)
      .values({ email, name: email.split("@")[0], passwordHash, role, ...extra })
      .returning()
      .get();
  return {
    hub,
    lab,
    otherLab,
    firmA,
    firmB,
    firmUser: user("firm-a@example.cn", "firm", { firmId: firmA.id }),
    firmUserColleague: (() => {
      const colleague = user("firm-a2@example.cn", "firm", { firmId: firmA.id });
      return () => colleague;
    })(),
    firmUserB: user("firm-b@example.cn", "firm", { firmId: firmB.id }),
    operator: user("operator@example.cn", "operator", { facilityId: lab.id }),
    operatorB: user("operator-b@example.cn", "operator", { facilityId: otherLab.id }),
    coordinator: user("coordinator@example.cn", "coordinator", { facilityId: hub.id }),
    admin: user("admin@example.cn", "admin"),
  };
}
