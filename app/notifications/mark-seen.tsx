"use client";
// Opening the list quiets the bell: the page tells the server, then the header re-renders.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../_trpc/client";

export function MarkSeen() {
  const trpc = useTRPC();
  const router = useRouter();
  const seen = useMutation(trpc.notification.markSeen.mutationOptions());
  const { mutate } = seen;
  useEffect(() => {
    mutate(undefined, { onSuccess: () => router.refresh() });
  }, [mutate, router]);
  return null;
}
