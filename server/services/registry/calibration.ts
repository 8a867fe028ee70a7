// Calibration status as users see it: valid, due within 30 days, or expired.
export type CalibrationStatus = "valid" | "due_soon" | "expired" | "unknown";

export function calibrationStatus(dueAt: number | null, at: number): CalibrationStatus {
  if (dueAt === null) return "unknown";
  if (dueAt <= at) return "expired";
  return dueAt - at <= 30 * 86_400_000 ? "due_soon" : "valid";
}
