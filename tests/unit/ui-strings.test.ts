// Every word a user reads comes from the catalogs (app/i18n/messages/{en,zh}.json, which the
// catalog test keeps in step): no English typed into a component as JSX text or as an
// accessible name, title, placeholder or alt text. Names of the two languages in their own script,
// unit symbols and a standard's number are not words to translate.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ALLOWED = new Set(["English", "GB/T 2423.1-2008", "L, °C, bar…", "spray_dryer"]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith(".tsx") ? [full] : [];
  });
}

describe("UI strings", () => {
  it("are never typed into components", () => {
    const found: string[] = [];
    for (const file of files(path.join(process.cwd(), "app"))) {
      const source = fs.readFileSync(file, "utf8");
      const text = /^\s*([A-Za-z][A-Za-z ,.'!?:;()-]*[A-Za-z.!?)])\s*$/;
      // JSX text between tags on its own line, or inline between > and <.
      const lines = source.split("\n");
      for (const [i, line] of lines.entries()) {
        // a line of bare words between a line ending in ">" and one starting with "<" or "{"
        if (
          text.test(line) &&
          lines[i - 1]?.trimEnd().endsWith(">") &&
          /^\s*[<{]/.test(lines[i + 1] ?? "") &&
          !ALLOWED.has(line.trim())
        )
          found.push(`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`);
        const inline = /(?<!=)>([^<>{}`"=]*)</g;
        for (const m of line.matchAll(inline))
          if (text.test(m[1]) && !ALLOWED.has(m[1].trim()))
            found.push(`${path.relative(process.cwd(), file)}:${i + 1}: ${m[1].trim()}`);
        const attr = /\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g;
        for (const m of line.matchAll(attr))
          if (!ALLOWED.has(m[2]))
            found.push(`${path.relative(process.cwd(), file)}:${i + 1}: ${m[1]}="${m[2]}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
