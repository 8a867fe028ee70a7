// Runs a query for a page: unknown objects become the 404 page, bad search input a message the
// page shows next to its form; anything else is a real error.
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { fieldErrorsOf, clientMessage } from "@/server/api/errors";

export type Loaded<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string> };

export async function loadForPage<T>(query: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await query() };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "BAD_REQUEST")
      return { ok: false, message: clientMessage(error), fieldErrors: fieldErrorsOf(error) ?? {} };
    throw error;
  }
}
