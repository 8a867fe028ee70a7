// Makes the data directory ready: the auth secret, the migrated database, the demo data when empty.
import { openDatabase, migrateDatabase } from "@/db/client";
import { dataDir, databasePath } from "@/db/paths";
import { isEmpty, seedDemo, DEMO_PASSWORD } from "@/db/seed";
import { hashPassword } from "@/server/auth/password";
import { authSecret } from "@/server/auth/secret";
import { issueDemoReports } from "@/server/services/reports/demo-reports";

export async function prepareData(log: (line: string) => void = console.log): Promise<void> {
  authSecret();
  const db = openDatabase();
  try {
    migrateDatabase(db);
    if (isEmpty(db)) {
      log(`Seeding demo data into ${databasePath()} …`);
      seedDemo(db, { dataDir: dataDir(), passwordHash: await hashPassword(DEMO_PASSWORD) });
      await issueDemoReports(db);
      log("Demo data ready.");
    }
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareData().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
