// next-auth (v4) configuration: email + password, JWT sessions carrying the user id and role.
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signIn } from "@/server/services/auth/sign-in";
import { setLocale } from "@/server/services/users/set-locale";
import { DomainError } from "@/server/services/errors";
import type { Role } from "@/db/schema";
import { authSecret } from "./secret";
import { decodeSessionToken, encodeSessionToken } from "./jwt-codec";
import { servedOverHttps } from "@/server/http/security-headers";
import { clientIp } from "./client-ip";
import { closeSession, openSession, sessionIsOpen } from "@/server/services/auth/sessions";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  // Secure (and __Secure- prefixed) cookies whenever the app's address is https.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        locale: { label: "Language", type: "text" },
      },
      async authorize(credentials, req) {
        // The error text reaches the sign-in form as a refusal (JSON) it renders in its language.
        if (!credentials?.email || !credentials.password)
          throw new Error(JSON.stringify({ code: "auth.wrongCredentials" }));
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        try {
          const actor = await signIn(getDb(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(headers),
          });
          // The language the user signs in with is the one their notifications are written in.
          if (credentials.locale === "en" || credentials.locale === "zh")
            setLocale(getDb(), actor, { locale: credentials.locale });
          return {
            id: String(actor.userId),
            email: actor.email,
            name: actor.name,
            role: actor.role,
            sessionId: openSession(getDb(), actor.userId, clientIp(headers)),
          };
        } catch (error) {
          if (error instanceof DomainError) throw new Error(JSON.stringify(error.refusal));
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as { role: Role; sessionId: string };
        token.uid = Number(user.id);
        token.role = signedIn.role;
        token.sid = signedIn.sessionId;
      }
      return token;
    },
    // A cookie whose server-side session was closed (sign-out, sign out everywhere, password
    // change or reset, disabled account) reads as signed out, wherever the session is read.
    session({ session, token }) {
      if (!sessionIsOpen(getDb(), token.sid, token.uid))
        return { expires: session.expires } as unknown as Session;
      session.sessionId = token.sid as string;
      if (session.user) {
        session.user.id = token.uid as number;
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
  events: {
    signOut({ token }) {
      if (typeof token?.sid === "string") closeSession(getDb(), token.sid, "signed_out");
    },
  },
};
