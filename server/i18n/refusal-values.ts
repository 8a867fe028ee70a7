// The parameters of a refusal as the catalogs' messages read them, shared by the server's
// renderer and the browser's (which has the same catalogs through next-intl): a Date is a time,
// shown as "YYYY-MM-DD HH:mm" in both languages, in the zone of the `timeZone` parameter (a
// facility's; the network's when absent); a parameter named in `namedParams`
// holds an enum value (a status, a service type, a role, or a list of them joined by ",") and is
// shown by its name in the reader's language.
import { localTimeText, NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

export type ParamValue = string | number | boolean | Date;
export type RefusalParams = Record<string, ParamValue>;

/** The `names` namespace of a catalog. */
export type Names = {
  status: Record<string, string>;
  serviceType: Record<string, string>;
  equipmentStatus: Record<string, string>;
  role: Record<string, string>;
  sampleStatus: Record<string, string>;
  reportStatus: Record<string, string>;
  or: string;
};

const namedParams: Record<string, Exclude<keyof Names, "or">> = {
  status: "status",
  fromStatus: "status",
  toStatus: "status",
  serviceType: "serviceType",
  equipmentStatus: "equipmentStatus",
  roles: "role",
  sides: "role",
  sampleStatus: "sampleStatus",
  reportStatus: "reportStatus",
};

export function refusalValues(
  names: Names,
  params: Record<string, ParamValue | null | undefined> = {},
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const timeZone = typeof params.timeZone === "string" ? params.timeZone : NETWORK_TIME_ZONE;
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const group = namedParams[key];
    if (value instanceof Date) out[key] = localTimeText(value.getTime(), timeZone);
    else if (group && typeof value === "string")
      out[key] = value
        .split(",")
        .map((v) => names[group][v] ?? v.replace("_", " "))
        .join(names.or);
    else if (typeof value === "boolean") out[key] = String(value);
    else out[key] = value;
  }
  return out;
}
