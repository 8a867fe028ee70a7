// `npm run lint` refuses what it should: an unformatted file, a dropped promise and an async
// better-sqlite3 transaction callback. Probe files are written into the tree (so the project's own
// configuration applies) and removed afterwards.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = path.join(process.cwd(), "tests", "lint-probe");
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const probe = (name: string, text: string) => {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("lint configuration", () => {
  it("prettier --check fails on a misformatted file and passes once it is formatted", () => {
    const file = probe("misformatted.ts", "export const  x = {a:1,\n b : 2}\n");
    expect(spawnSync(bin("prettier"), ["--check", file]).status).not.toBe(0);
    spawnSync(bin("prettier"), ["--write", file]);
    expect(spawnSync(bin("prettier"), ["--check", file]).status).toBe(0);
  });

  it("eslint refuses a floating promise and an async transaction callback", () => {
    const file = probe(
      "bugs.ts",
      [
        "async function save(): Promise<void> {}",
        "export function run(db: { transaction: (fn: () => unknown) => unknown }) {",
        "  save();",
        "  return db.transaction(async () => save());",
        "}",
        "",
      ].join("\n"),
    );
    const result = spawnSync(bin("eslint"), ["--max-warnings", "0", "--format", "json", file], {
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    const rules = (
      JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[]
    )[0].messages.map((m) => m.ruleId);
    expect(rules).toContain("@typescript-eslint/no-floating-promises");
    expect(rules).toContain("no-restricted-syntax");
  }, 120_000);
});
