// Absolute links for messages read outside the app (emails): the address the app is served at.

export function appUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL || "http://localhost:3000";
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
