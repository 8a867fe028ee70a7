// Report files under the data directory, named by their SHA-256: the tester's drafts under
// reports/drafts, released files under reports. A released file is read back only after its hash
// is checked against the one stored at approval.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/paths";

export const sha256Of = (bytes: Uint8Array) =>
  crypto.createHash("sha256").update(bytes).digest("hex");

/** Writes the bytes (once) and returns their path relative to the data directory. */
export function keepReportFile(bytes: Uint8Array, kind: "drafts" | "released") {
  const sha256 = sha256Of(bytes);
  const rel =
    kind === "drafts"
      ? path.join("reports", "drafts", `${sha256}.pdf`)
      : path.join("reports", `${sha256}.pdf`);
  const target = path.join(dataDir(), rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target)) fs.writeFileSync(target, bytes);
  return { rel, sha256 };
}

/** The file's bytes, or null when they no longer hash to `sha256` (or are gone). */
export function readChecked(rel: string, sha256: string): Uint8Array | null {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(dataDir(), rel));
  } catch {
    return null;
  }
  return sha256Of(bytes) === sha256 ? bytes : null;
}
