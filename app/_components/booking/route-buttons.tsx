"use client";
// The coordinator routes (or reassigns) a request to one of the matched facilities.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";

export function RouteButton({
  requestId,
  facilityId,
  equipmentId,
  reassign,
}: {
  requestId: number;
  facilityId: number;
  equipmentId: number;
  reassign: boolean;
}) {
  const t = useTranslations("hubMatch");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const options = {
    onSuccess: () => (toast("success", t("routed")), router.refresh()),
    onError: (e: unknown) => toast("error", refusals.message(e)),
  };
  const route = useMutation(trpc.hub.route.mutationOptions(options));
  const move = useMutation(trpc.hub.reassign.mutationOptions(options));
  return (
    <button
      type="button"
      disabled={route.isPending || move.isPending}
      onClick={() =>
        reassign
          ? move.mutate({ id: requestId, facilityId, equipmentId })
          : route.mutate({ id: requestId, facilityId, equipmentId })
      }
      className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      data-testid={`route-${facilityId}`}
    >
      {reassign ? t("reassign") : t("route")}
    </button>
  );
}
