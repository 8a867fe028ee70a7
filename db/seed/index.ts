// Seeds the demo dataset into an empty, migrated database. Deterministic for a given day.
import { count } from "drizzle-orm";
import type { DB } from "../client";
import { facilities } from "../schema";
import { createRng } from "./random";
import { shanghaiMidnight } from "./time";
import { seedRegistry } from "./demo-registry";
import { seedParties, DEMO_PASSWORD } from "./demo-parties";
import { seedRequests } from "./demo-requests";
import { VoucherSeeder } from "./demo-vouchers";

export { DEMO_PASSWORD };

export function isEmpty(db: DB): boolean {
  return db.select({ n: count() }).from(facilities).get()!.n === 0;
}

/**
 * `passwordHash` is the hash of DEMO_PASSWORD, made by the caller (hashing lives in server/auth).
 */
export function seedDemo(
  db: DB,
  options: { now?: number; dataDir: string; passwordHash: string },
): void {
  const now = options.now ?? Date.now();
  const today = shanghaiMidnight(now);
  const rng = createRng(20240531); // the hub's opening day
  const { passwordHash } = options;
  db.transaction((tx) => {
    const seeded = seedRegistry(tx as unknown as DB, rng, today);
    const staff = seedParties(tx as unknown as DB, seeded, passwordHash);
    const vouchers = new VoucherSeeder(tx as unknown as DB, today, staff);
    seedRequests(tx as unknown as DB, rng, now, today, seeded, staff, options.dataDir, vouchers);
  });
}
