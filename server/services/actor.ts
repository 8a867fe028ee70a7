// Who is calling: the signed-in user as the services see them.
import type { FirmRole, Role } from "@/db/schema";

export type Actor = {
  userId: number;
  email: string;
  name: string;
  role: Role;
  firmId: number | null;
  /** A firm user's part in the firm's account (null for staff). */
  firmRole: FirmRole | null;
  emailVerified: boolean;
  facilityId: number | null;
  locale: "en" | "zh";
  mustChangePassword: boolean;
};

/** A firm user, with the firm the session belongs to. */
export type FirmActor = Actor & { firmId: number };
/** An operator or coordinator, with the facility the session belongs to. */
export type FacilityActor = Actor & { facilityId: number };
