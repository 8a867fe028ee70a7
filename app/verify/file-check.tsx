"use client";
// Checks a PDF against the released file's SHA-256, hashed in the browser (SubtleCrypto): the file
// never leaves the reader's machine. Drop it on the box or choose it.
import { useState } from "react";
import { useTranslations } from "next-intl";

async function sha256Hex(file: File) {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function FileCheck({ sha256 }: { sha256: string }) {
  const t = useTranslations("verify");
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "busy" }
    | { kind: "done"; name: string; matches: boolean; hash: string }
  >({ kind: "idle" });
  const [over, setOver] = useState(false);
  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: "busy" });
    const hash = await sha256Hex(file);
    setState({ kind: "done", name: file.name, matches: hash === sha256, hash });
  };
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-medium">{t("fileTitle")}</h2>
      <label
        htmlFor="verify-file"
        data-testid="verify-drop"
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void check(e.dataTransfer.files[0]);
        }}
        className={`block cursor-pointer rounded-md border-2 border-dashed p-6 text-center focus-within:ring-2 focus-within:ring-brand-600 ${
          over ? "border-brand-600 bg-brand-50" : "border-slate-300"
        }`}
      >
        {t("drop")}
        <input
          id="verify-file"
          type="file"
          accept=".pdf,application/pdf"
          className="sr-only"
          onChange={(e) => void check(e.currentTarget.files?.[0])}
        />
      </label>
      <p className="text-xs text-slate-600">{t("private")}</p>
      <div aria-live="polite" data-testid="verify-file-result">
        {state.kind === "busy" && <p>{t("hashing")}</p>}
        {state.kind === "done" && (
          <p
            data-matches={state.matches}
            className={`rounded-md p-3 ${state.matches ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
          >
            {state.matches
              ? t("matches", { name: state.name })
              : t("differs", { name: state.name })}
            <span className="mt-1 block font-mono text-xs break-all">{state.hash}</span>
          </p>
        )}
      </div>
    </div>
  );
}
