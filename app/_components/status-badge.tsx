import { getTranslations } from "next-intl/server";
import type { RequestStatus } from "@/db/schema/enums";

const colours: Record<RequestStatus, string> = {
  submitted: "bg-sky-100 text-sky-900",
  quoted: "bg-amber-100 text-amber-900",
  confirmed: "bg-emerald-100 text-emerald-900",
  in_progress: "bg-indigo-100 text-indigo-900",
  completed: "bg-slate-200 text-slate-900",
  rejected: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-100 text-slate-700",
  expired: "bg-orange-100 text-orange-900",
  cancelled: "bg-rose-100 text-rose-900",
};

export async function StatusBadge({ status }: { status: RequestStatus }) {
  const t = await getTranslations("status");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${colours[status]}`}>
      {t(status)}
    </span>
  );
}
