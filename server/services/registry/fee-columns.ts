// A service's published fee schedule as the registry pages read it: the same columns and shape
// wherever services are listed, with the facility's VAT rate.
import { facilities, services } from "@/db/schema";

/** The fee schedule's columns, for a select that joins services and facilities. */
export const feeColumns = {
  priceBasis: services.priceBasis,
  priceFen: services.priceFen,
  minChargeFen: services.minChargeFen,
  urgentSurchargePct: services.urgentSurchargePct,
  hazardSurchargePct: services.hazardSurchargePct,
  smallFirmDiscountPct: services.smallFirmDiscountPct,
  vatRateBp: facilities.vatRateBp,
};

export type Fees = {
  priceBasis: string;
  priceFen: number | null;
  minChargeFen: number;
  urgentSurchargePct: number;
  hazardSurchargePct: number;
  smallFirmDiscountPct: number;
  vatRateBp: number;
};

/** The fee schedule of a row of raw SQL that selected `feeSql`. */
export const feesFromRow = (r: Record<string, unknown>): Fees => ({
  priceBasis: r.price_basis as string,
  priceFen: r.price_fen as number | null,
  minChargeFen: r.min_charge_fen as number,
  urgentSurchargePct: r.urgent_surcharge_pct as number,
  hazardSurchargePct: r.hazard_surcharge_pct as number,
  smallFirmDiscountPct: r.small_firm_discount_pct as number,
  vatRateBp: r.vat_rate_bp as number,
});

/** The same columns in raw SQL, services as `s` and facilities as `f`. */
export const feeSql =
  "s.price_basis, s.price_fen, s.min_charge_fen, s.urgent_surcharge_pct, s.hazard_surcharge_pct, s.small_firm_discount_pct, f.vat_rate_bp";
