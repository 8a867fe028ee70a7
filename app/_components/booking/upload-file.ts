/**
 * Uploads one file to a request (a facility's fapiao PDF when `kind` is "invoice"); resolves to
 * the stored file's id, or to the refusal as `useRefusalText` reads it.
 */
export async function uploadFile(
  requestId: number,
  file: File,
  kind?: "invoice",
): Promise<{ id: number } | { error: unknown }> {
  const body = new FormData();
  body.set("file", file);
  if (kind) body.set("kind", kind);
  const res = await fetch(`/api/requests/${requestId}/attachments`, { method: "POST", body });
  const json = await res.json().catch(() => null);
  if (res.ok && json) return { id: (json as { id: number }).id };
  return { error: json ?? { error: { refusal: { code: "system.internal" } } } };
}
