"use client";
// Refusals in the reader's language: the server sends each refusal as a code and its parameters
// (tRPC `error.data.refusal` and `error.data.fields`, or `error` of a route handler's JSON), and
// the catalogs of server/i18n, merged into the app's, hold the sentence of each code.
import { useMessages, useTranslations } from "next-intl";
import type { Refusal } from "@/server/i18n/render";
import { refusalValues, type Names } from "@/server/i18n/refusal-values";
import { issueRefusal } from "@/server/i18n/zod-refusals";
import type { z } from "zod";

type RefusalData = { refusal?: Refusal | null; fields?: Record<string, Refusal> | null };

function dataOf(error: unknown): RefusalData | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { data?: RefusalData | null; error?: RefusalData | null };
  return e.data ?? e.error ?? null;
}

export function useRefusalText() {
  const t = useTranslations("refusals");
  const names = useMessages().names as unknown as Names;
  const isCode = (value: string) => /^[a-zA-Z]+\.[a-zA-Z_]+$/.test(value) && t.has(value as never);
  const render = (r: Refusal) => t(r.code as never, refusalValues(names, r.params) as never);
  const fieldTexts = (fields: Record<string, Refusal>) =>
    Object.fromEntries(Object.entries(fields).map(([field, r]) => [field, render(r)]));

  return {
    render,
    /** Field → sentence, from a server refusal (empty when it names no field). */
    fields(error: unknown): Record<string, string> {
      return fieldTexts(dataOf(error)?.fields ?? {});
    },
    /** Field → sentence, from a schema checked in the browser before sending. */
    issues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
      const out: Record<string, string> = {};
      for (const issue of issues)
        out[issue.path.join(".") || "input"] ??= render(issueRefusal(issue, isCode));
      return out;
    },
    /** The sentence of a refusal, for a toast or an alert. */
    message(error: unknown): string {
      const data = dataOf(error);
      if (data?.refusal?.code === "system.invalidInput" && data.fields)
        return Object.values(fieldTexts(data.fields)).join("; ");
      if (data?.refusal) return render(data.refusal);
      return t("system.internal");
    },
  };
}
