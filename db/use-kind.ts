// Whom a recorded use served, the one rule every path uses: no request → in-house; a request of a
// firm whose unified social credit code is the facility's operating entity's → internal; any
// other firm → external. Kept on the use row (kind, firm_id) so that a period's figures read the
// index alone; written with each use and rewritten when a facility's credit code changes.
/** SQL (SQLite) that classifies the uses matching `where` (a condition on `equipment_use`). */
export const classifyUsesSql = (where: string) => `
UPDATE equipment_use SET
  firm_id = (SELECT r.firm_id FROM booking_requests r WHERE r.id = equipment_use.request_id),
  kind = CASE
    WHEN equipment_use.request_id IS NULL THEN 'inHouse'
    WHEN (SELECT f.credit_code FROM facilities f WHERE f.id = equipment_use.facility_id) =
      (SELECT fm.credit_code FROM booking_requests r JOIN firms fm ON fm.id = r.firm_id
        WHERE r.id = equipment_use.request_id) THEN 'internal'
    ELSE 'external' END
WHERE ${where}`;

/** The longest a closed use may last; a period's figures look back this far for uses in it. */
export const MAX_USE_MS = 32 * 86_400_000;
