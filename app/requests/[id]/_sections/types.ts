// What the request page's sections read: the request as `request.get` returns it, and how the
// page writes times (in the facility's time zone, in the reader's language).
import type { getRequest } from "@/server/services/booking/get-request";

export type LoadedRequest = ReturnType<typeof getRequest>;
export type When = (ms: number) => string;
