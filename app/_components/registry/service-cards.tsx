import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "../empty-state";
import { FeeTerms } from "./fee-terms";
import type { Fees } from "@/server/services/registry/fee-columns";

type Service = {
  id: number;
  type: string;
  name: string;
  nameZh: string;
  standards: string[];
  fees: Fees;
};

/** A facility's or an equipment item's services: name, type, standards and published fees. */
export async function ServiceCards({
  services,
  emptyText,
}: {
  services: Service[];
  emptyText: string;
}) {
  const ts = await getTranslations("serviceType");
  const locale = await getLocale();
  if (services.length === 0) return <EmptyState text={emptyText} />;
  return (
    <ul className="grid gap-2 md:grid-cols-2">
      {services.map((s) => (
        <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <p className="font-medium">{locale === "zh" && s.nameZh ? s.nameZh : s.name}</p>
          <p className="text-slate-600">
            {ts(s.type as "testing")} · {s.standards.join(", ")}
          </p>
          <p className="text-slate-600">
            <FeeTerms fees={s.fees} />
          </p>
        </li>
      ))}
    </ul>
  );
}
