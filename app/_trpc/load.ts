// Runs a query for a page: unknown objects become the 404 page, bad search input a message (in the
// reader's language) the page shows next to its form; anything else is a real error.
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { fieldRefusalsOf, refusalOf } from "@/server/api/errors";
import { renderRefusal, type Locale } from "@/server/i18n/render";

export type Loaded<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string> };

export async function loadForPage<T>(query: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await query() };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      const locale = (await getLocale()) as Locale;
      const fields = Object.entries(fieldRefusalsOf(error) ?? {}).map(
        ([field, r]) => [field, renderRefusal(locale, r)] as const,
      );
      return {
        ok: false,
        message: fields.length
          ? fields.map(([field, text]) => `${field}: ${text}`).join("; ")
          : renderRefusal(locale, refusalOf(error)),
        fieldErrors: Object.fromEntries(fields),
      };
    }
    throw error;
  }
}
