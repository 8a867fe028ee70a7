// Local calendar arithmetic lives in `db/local-time.ts`, the lowest layer, so that the seed uses
// the same conversions as the services and the browser.
export * from "@/db/local-time";
