import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { FORM_BODY_LIMIT, readBounded } from "@/server/http/bounded-body";
import { errorResponse } from "@/server/api/errors";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own handler, given the sign-in and sign-out forms only after a bounded read. */
async function handler(req: NextRequest, context: Context) {
  if (req.method !== "POST") return nextAuth(req, context);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBounded(req, FORM_BODY_LIMIT);
  } catch (error) {
    const refused = errorResponse(error);
    if (refused) return refused;
    throw error;
  }
  return nextAuth(
    new NextRequest(req.url, { method: "POST", headers: req.headers, body }),
    context,
  );
}

export { handler as GET, handler as POST };
