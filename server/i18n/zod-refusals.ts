// A zod issue as a refusal. Input schemas write their messages as refusal codes
// (`.max(120, "field.maxChars")`, custom issues with `params`); zod's own messages (a wrong type
// sent by an API client) keep their English text and get a translated sentence by zod's code.
import type { z } from "zod";
import type { Refusal, RefusalCode } from "./render";
import type { RefusalParams } from "./refusal-values";

type Issue = z.core.$ZodIssue;

/**
 * `isCode` tells a catalog code from zod's own English (the server and the browser each pass
 * theirs).
 */
export function issueRefusal(issue: Issue, isCode: (value: string) => boolean): Refusal {
  const params: RefusalParams = {};
  const extra = issue as { minimum?: unknown; maximum?: unknown; params?: Record<string, unknown> };
  if (typeof extra.minimum === "number" || typeof extra.minimum === "bigint")
    params.minimum = Number(extra.minimum);
  if (typeof extra.maximum === "number" || typeof extra.maximum === "bigint")
    params.maximum = Number(extra.maximum);
  for (const [k, v] of Object.entries(extra.params ?? {}))
    if (typeof v === "string" || typeof v === "number") params[k] = v;
  if (isCode(issue.message)) return { code: issue.message as RefusalCode, params };
  const zodCode = isCode(`zod.${issue.code}`) ? issue.code : "custom";
  return { code: `zod.${zodCode}` as Refusal["code"], params: { ...params, text: issue.message } };
}

/** Field path → refusal, the first issue of each field ("input" for the whole input). */
export function zodFieldRefusals(
  issues: readonly Issue[],
  isCode: (value: string) => boolean,
): Record<string, Refusal> {
  const out: Record<string, Refusal> = {};
  for (const issue of issues) out[issue.path.join(".") || "input"] ??= issueRefusal(issue, isCode);
  return out;
}
