"use client";
// Signs out through next-auth's own endpoints without shipping its client library to every page.
import { useState } from "react";

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
    });
    // A full load on purpose: no signed-in page may stay in the client router's cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  }
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="rounded-md px-2 py-1 text-sm hover:bg-white/10 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
