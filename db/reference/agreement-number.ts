/** The number of the service agreement of a request's quote version: "SA-2026-000251-V2". */
export const agreementNumber = (ref: string, quoteVersion: number) =>
  `SA-${ref.replace(/^PT-/, "")}-V${quoteVersion}`;
