// A call's refusal as a value: null when it succeeded, the TRPCError when it was refused.
import type { TRPCError } from "@trpc/server";

export const outcome = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => e,
  );
