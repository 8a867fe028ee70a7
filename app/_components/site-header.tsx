// The header: brand, role-aware navigation, sign-in state and the language switch.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/services/actor";
import { startPageOf } from "@/server/auth/session";
import { getDb } from "@/db/client";
import { unreadCount } from "@/server/services/users/notifications";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

const roleNav = { firm: "firm", operator: "operator", coordinator: "hub", admin: "admin" } as const;

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");
  const tr = await getTranslations("roles");
  const link = "rounded-md px-2 py-1 hover:bg-white/10";
  const unread = actor ? unreadCount(getDb(), actor) : 0;
  const links = [
    { href: "/", text: t("home") },
    { href: "/facilities", text: t("facilities") },
    { href: "/equipment", text: t("equipment") },
    { href: "/services", text: t("services") },
    ...(actor
      ? [
          { href: startPageOf[actor.role], text: t(roleNav[actor.role]), start: true },
          { href: "/requests", text: t("requests") },
        ]
      : []),
  ];
  const signedInAs = actor ? `${t("signedInAs", { name: actor.name })} · ${tr(actor.role)}` : "";
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          {tc("appName")}
        </Link>
        <nav
          aria-label={t("main")}
          className="hidden flex-1 flex-wrap items-center gap-2 text-sm sm:flex"
        >
          {links.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              className={link}
              data-testid={l.start ? "nav-start" : undefined}
            >
              {l.text}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-2 text-sm sm:ml-0">
          {actor ? (
            <>
              <BellLink count={unread} label={t("bell", { count: unread })} />
              <Link
                href="/account/password"
                className={`hidden sm:inline ${link}`}
                title={t("account")}
                data-testid="signed-in-as"
              >
                {signedInAs}
              </Link>
              <span className="hidden sm:inline">
                <SignOutButton label={t("signOut")} />
              </span>
            </>
          ) : (
            <span className="hidden items-center gap-2 sm:flex">
              <Link href="/signin" className={link}>
                {t("signIn")}
              </Link>
              <Link
                href="/register"
                className="rounded-md bg-white px-2 py-1 font-medium text-brand-900 hover:bg-brand-50"
              >
                {t("register")}
              </Link>
            </span>
          )}
          <LanguageSwitch
            locale={await getLocale()}
            label={tc("language")}
            switchTo={tc("switchTo")}
            signedIn={actor !== null}
          />
          {/* Below 640 px the navigation folds into a menu (details/summary: no script needed). */}
          <details className="relative sm:hidden" data-testid="mobile-menu">
            <summary className="cursor-pointer list-none rounded-md border border-white/40 px-2 py-1 [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true">☰</span> {t("menu")}
            </summary>
            <nav
              aria-label={t("menu")}
              className="absolute right-0 z-40 mt-2 flex w-64 flex-col gap-1 rounded-md bg-brand-900 p-3 shadow-lg ring-1 ring-white/20"
            >
              {links.map((l) => (
                <Link key={l.href} href={l.href} className={link}>
                  {l.text}
                </Link>
              ))}
              <hr className="my-1 border-white/20" />
              {actor ? (
                <>
                  <span className="px-2 py-1 text-xs text-white/80">{signedInAs}</span>
                  <Link href="/account/password" className={link}>
                    {t("account")}
                  </Link>
                  <SignOutButton label={t("signOut")} />
                </>
              ) : (
                <>
                  <Link href="/signin" className={link}>
                    {t("signIn")}
                  </Link>
                  <Link href="/register" className={link}>
                    {t("register")}
                  </Link>
                </>
              )}
            </nav>
          </details>
        </div>
      </div>
    </header>
  );
}

function BellLink({ count, label }: { count: number; label: string }) {
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative rounded-md px-2 py-1 hover:bg-white/10"
      data-testid="bell"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && (
        <span
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold"
          data-testid="bell-count"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
