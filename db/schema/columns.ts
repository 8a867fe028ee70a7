// Column helpers: times are UTC epoch milliseconds, money is integer fen.
import { integer } from "drizzle-orm/sqlite-core";

export const id = () => integer("id").primaryKey({ autoIncrement: true });
export const millis = (name: string) => integer(name);
export const createdAt = () =>
  integer("created_at")
    .notNull()
    .$defaultFn(() => Date.now());
export const updatedAt = () =>
  integer("updated_at")
    .notNull()
    .$defaultFn(() => Date.now())
    .$onUpdateFn(() => Date.now());
export const flag = (name: string) => integer(name, { mode: "boolean" });
