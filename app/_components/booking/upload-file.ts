/** Uploads one file to a request; resolves to an error message, or null on success. */
export async function uploadFile(requestId: number, file: File): Promise<string | null> {
  const body = new FormData();
  body.set("file", file);
  const res = await fetch(`/api/requests/${requestId}/attachments`, { method: "POST", body });
  if (res.ok) return null;
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return json?.error?.message ?? `upload failed (${res.status})`;
}
