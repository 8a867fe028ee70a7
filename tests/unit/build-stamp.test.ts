import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, sourceHash, stampBuild } from "@/server/cli/build-stamp";

describe("build stamp (a second npm start reuses the build)", () => {
  it("is current after stamping and stale after a source change", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "stamp-"));
    fs.mkdirSync(path.join(root, "app"), { recursive: true });
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;");
    expect(buildIsCurrent(root)).toBe(false);
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    stampBuild(root);
    expect(buildIsCurrent(root)).toBe(true);
    const before = sourceHash(root);
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 2;");
    expect(sourceHash(root)).not.toBe(before);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it("ignores files outside the build's inputs, such as the data directory", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "stamp-"));
    fs.mkdirSync(path.join(root, "app"));
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "x");
    const before = sourceHash(root);
    fs.mkdirSync(path.join(root, "data"));
    fs.writeFileSync(path.join(root, "data", "pilot.db"), "y");
    expect(sourceHash(root)).toBe(before);
  });
});
