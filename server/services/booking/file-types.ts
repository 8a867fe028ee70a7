// What a file is, judged by its content (never by its name): PDF, PNG, JPEG, XLSX, DOCX or CSV.
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_REQUEST = 5;

export type FileType = { mime: string; ext: string };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { mime: "application/pdf", ext: "pdf" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: "image/png", ext: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML files are zip archives whose entry names are stored in plain text.
    const names = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 2_000_000))).toString(
      "latin1",
    );
    if (names.includes("[Content_Types].xml") && names.includes("xl/"))
      return {
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ext: "xlsx",
      };
    if (names.includes("[Content_Types].xml") && names.includes("word/"))
      return {
        mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ext: "docx",
      };
    return null;
  }
  return looksLikeCsv(bytes) ? { mime: "text/csv", ext: "csv" } : null;
}

function looksLikeCsv(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
  } catch {
    return false;
  }
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) return false;
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/)[0];
  return /[,;\t]/.test(firstLine);
}

/** The extension of a type this module detects, from its MIME type. */
export function extensionOf(mime: string): string {
  return (
    {
      "application/pdf": "pdf",
      "image/png": "png",
      "image/jpeg": "jpg",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
      "text/csv": "csv",
    }[mime] ?? "bin"
  );
}
