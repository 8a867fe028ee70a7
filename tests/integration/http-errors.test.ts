// What an integration over HTTP sees: a 400 with "field: reason" and fieldErrors, never a 500 or a
// stack.
import { describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "@/server/api/root";
import { freshDb } from "../helpers/test-db";

const { db } = freshDb();

type ErrorShape = {
  message: string;
  data: { code: string; fieldErrors: Record<string, string> | null; stack?: string };
};

async function post(path: string, input: unknown) {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ db, session: null, ip: "127.0.0.1" }),
  });
  // With the superjson transformer the error travels as { error: { json: … } }.
  const raw = (await res.json()) as { error: { json: ErrorShape } };
  return { status: res.status, body: { error: raw.error.json } };
}

describe("HTTP error shape", () => {
  it("a bad registration is a 400 naming each field", async () => {
    const { status, body } = await post("firm.register", {
      firmName: "X Co",
      creditCode: "123",
      email: "bad",
      password: "short",
    });
    expect(status).toBe(400);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.fieldErrors).toMatchObject({
      creditCode: "must be exactly 18 characters",
      email: "enter a valid email address",
    });
    expect(body.error.message).toContain("creditCode: must be exactly 18 characters");
    expect(body.error.data.stack).toBeUndefined();
  });

  it("a protected procedure without a session is a 401", async () => {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/workspace.admin"),
      router: appRouter,
      createContext: () => ({ db, session: null, ip: null }),
    });
    expect(res.status).toBe(401);
  });
});
