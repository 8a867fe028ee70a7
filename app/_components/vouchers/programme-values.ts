// A voucher programme as its form holds it, and the values a new programme starts with (the
// published defaults). Shared by the admin page (server) and the form (client).
import { defaultFirmCapFen, defaultVoucherRatesBp } from "@/db/reference/voucher-cover";

export type ProgrammeValues = {
  id?: number;
  year: number;
  nameEn: string;
  nameZh: string;
  budgetFen: number;
  firmCapFen: number;
  ratesBp: Record<string, number>;
  eligibleSizes: string[];
  eligiblePrefectures: string[];
  applyFrom: string;
  applyUntil: string;
  validUntil: string;
};

export const newProgramme = (year: number): ProgrammeValues => ({
  year,
  nameEn: "",
  nameZh: "",
  budgetFen: 0,
  firmCapFen: defaultFirmCapFen,
  ratesBp: defaultVoucherRatesBp,
  eligibleSizes: ["micro", "small", "medium"],
  eligiblePrefectures: [],
  applyFrom: `${year}-01-01`,
  applyUntil: `${year}-10-31`,
  validUntil: `${year}-12-31`,
});
