// Who is signed in, for tests that call route handlers (and the tRPC route) in-process. Use with
//   vi.mock("@/server/auth/session", () => import("../helpers/mock-session"));
//   vi.mock("@/db/client", async (o) => ({ ...(await o<object>()), getDb: () => signedIn.db }));
// then set `signedIn.db` to the test database and `signedIn.userId` before each call.
export const signedIn = { userId: null as number | null, db: null as unknown };

export async function sessionUserId(): Promise<number | null> {
  return signedIn.userId;
}

export async function currentSession() {
  return signedIn.userId === null ? null : { userId: signedIn.userId, sessionId: "test-session" };
}
