/**
 * Uploads one file to a request; resolves to the refusal (as `useRefusalText` reads it), or null.
 */
export async function uploadFile(requestId: number, file: File): Promise<unknown> {
  const body = new FormData();
  body.set("file", file);
  const res = await fetch(`/api/requests/${requestId}/attachments`, { method: "POST", body });
  if (res.ok) return null;
  return (
    (await res.json().catch(() => null)) ?? { error: { refusal: { code: "system.internal" } } }
  );
}
