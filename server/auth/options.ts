// next-auth (v4) configuration: email + password, JWT sessions carrying the user id and role.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signIn } from "@/server/services/auth/sign-in";
import { setLocale } from "@/server/services/users/set-locale";
import { DomainError } from "@/server/services/errors";
import type { Role } from "@/db/schema";
import { authSecret } from "./secret";
import { clientIp } from "./client-ip";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
        token.uid = Number(user.id);
        token.role = (user as unknown as { role: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as number;
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
};
