import { openDatabase, migrateDatabase } from "@/db/client";
import { databasePath } from "@/db/paths";

const db = openDatabase();
migrateDatabase(db);
db.$client.close();
console.log(`Migrations applied to ${databasePath()}.`);
