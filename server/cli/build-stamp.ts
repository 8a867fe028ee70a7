// Decides whether the Next build is current: a hash of every input to the build, kept in .next/.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const inputs = [
  "app",
  "server",
  "db",
  "public",
  "package-lock.json",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.json",
  "postcss.config.mjs",
];

function walk(entry: string, out: string[]): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory())
    for (const name of fs.readdirSync(entry).sort()) walk(path.join(entry, name), out);
  else out.push(entry);
}

export function sourceHash(root: string = process.cwd()): string {
  const files: string[] = [];
  for (const entry of inputs) walk(path.join(root, entry), files);
  const hash = crypto.createHash("sha256");
  for (const file of files)
    hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file));
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "source-hash");

export function buildIsCurrent(root: string = process.cwd()): boolean {
  try {
    return (
      fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
      fs.readFileSync(stampFile(root), "utf8") === sourceHash(root)
    );
  } catch {
    return false;
  }
}

export function stampBuild(root: string = process.cwd()): void {
  fs.writeFileSync(stampFile(root), sourceHash(root));
}
