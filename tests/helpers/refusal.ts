// Runs a call that must be refused and checks that it changed nothing (the audit log aside, which
// records denials on purpose); returns the tRPC code and the message a client would see.
import { expect } from "vitest";
import { TRPCError } from "@trpc/server";
import type { DB } from "@/db/client";
import { clientMessage } from "@/server/api/errors";
import { tableCounts } from "./test-db";

export function refusalChecker(db: DB) {
  const counts = () => {
    const { audit_log: _audit, ...rest } = tableCounts(db);
    return rest;
  };
  return async function refused(call: () => Promise<unknown>) {
    const before = counts();
    try {
      await call();
    } catch (e) {
      if (!(e instanceof TRPCError)) throw e;
      expect(counts()).toEqual(before);
      return { code: e.code, message: clientMessage(e) };
    }
    throw new Error("the call was accepted");
  };
}
