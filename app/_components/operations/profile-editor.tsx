"use client";
// Edits the facility's public profile, its weekly opening hours and its accreditations.
import type { FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { FormErrors } from "./form-errors";
import { inputClass } from "../form-field";
import { useSaveCallbacks, dayInput, fromDayInput } from "./use-save";
import { vatRatesBp } from "@/server/services/money/amounts";

type Profile = {
  version: number;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  address: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  creditCode: string | null;
  openingHours: Record<string, [string, string][]>;
  earlyStartMinutes: number;
  vatRateBp: number;
  /** Accreditation dates are days of this zone. */
  timeZone: string;
};
type Accreditation = { type: string; certificateNo: string; validUntil: number };

const days = ["0", "1", "2", "3", "4", "5", "6"] as const;

export function ProfileEditor({
  profile,
  accreditations,
  weekdayNames,
}: {
  profile: Profile;
  accreditations: Accreditation[];
  weekdayNames: string[];
}) {
  const t = useTranslations("manage");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const save = useMutation(trpc.facility.updateProfile.mutationOptions(callbacks));
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = (k: string) => String(form.get(k) ?? "").trim();
    const openingHours = Object.fromEntries(
      days.map((d) => [
        d,
        v(`hours-${d}`)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((span) => span.split("-").map((x) => x.trim()) as [string, string]),
      ]),
    );
    const certs = v("accreditations")
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts.length >= 3)
      // TYPE, then the certificate number (which may contain spaces), then the date.
      .map((parts) => ({
        type: parts[0] as "CMA",
        certificateNo: parts.slice(1, -1).join(" "),
        validUntil: fromDayInput(parts[parts.length - 1], profile.timeZone) ?? 0,
      }));
    save.mutate({
      version: profile.version,
      nameEn: v("nameEn"),
      nameZh: v("nameZh"),
      descriptionEn: v("descriptionEn"),
      descriptionZh: v("descriptionZh"),
      address: v("address"),
      contactName: v("contactName"),
      contactPhone: v("contactPhone"),
      contactEmail: v("contactEmail"),
      ...(v("creditCode") ? { creditCode: v("creditCode") } : {}),
      openingHours: openingHours as never,
      accreditations: certs,
      earlyStartMinutes: Number(v("earlyStartMinutes")),
      vatRateBp: Number(v("vatRateBp")),
    });
  }
  const text = (name: keyof Profile, label: string) => (
    <label htmlFor={`pf-${name}`} className="block text-sm">
      {label}
      <input
        id={`pf-${name}`}
        name={name}
        defaultValue={(profile[name] as string | null) ?? ""}
        className={inputClass}
      />
    </label>
  );
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="profile-form"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {text("nameEn", t("nameEn"))}
        {text("nameZh", t("nameZh"))}
        <label htmlFor="pf-descriptionEn" className="block text-sm">
          {t("descriptionEn")}
          <textarea
            id="pf-descriptionEn"
            name="descriptionEn"
            rows={3}
            defaultValue={profile.descriptionEn}
            className={inputClass}
          />
        </label>
        <label htmlFor="pf-descriptionZh" className="block text-sm">
          {t("descriptionZh")}
          <textarea
            id="pf-descriptionZh"
            name="descriptionZh"
            rows={3}
            defaultValue={profile.descriptionZh}
            className={inputClass}
          />
        </label>
        {text("address", t("address"))}
        {text("contactName", t("contactName"))}
        {text("contactPhone", t("contactPhone"))}
        {text("contactEmail", t("contactEmail"))}
        {text("creditCode", t("creditCode"))}
        <label htmlFor="pf-vatRateBp" className="block text-sm">
          {t("vatRate")}
          <select
            id="pf-vatRateBp"
            name="vatRateBp"
            defaultValue={profile.vatRateBp}
            aria-describedby="pf-vatRateBp-hint"
            className={inputClass}
          >
            {vatRatesBp.map((bp) => (
              <option key={bp} value={bp}>
                {bp / 100} %
              </option>
            ))}
          </select>
          <span id="pf-vatRateBp-hint" className="text-xs text-slate-600">
            {t("vatRateHint")}
          </span>
        </label>
        <label htmlFor="pf-earlyStartMinutes" className="block text-sm">
          {t("earlyStart")}
          <input
            id="pf-earlyStartMinutes"
            name="earlyStartMinutes"
            type="number"
            min={0}
            max={10080}
            defaultValue={profile.earlyStartMinutes}
            aria-describedby="pf-earlyStartMinutes-hint"
            className={inputClass}
          />
          <span id="pf-earlyStartMinutes-hint" className="text-xs text-slate-600">
            {t("earlyStartHint")}
          </span>
        </label>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("openingHours")}</legend>
        <p className="text-xs text-slate-600">{t("openingHint")}</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {days.map((d, i) => (
            <label key={d} htmlFor={`hours-${d}`} className="flex items-center gap-2 text-sm">
              <span className="w-20">{weekdayNames[i]}</span>
              <input
                id={`hours-${d}`}
                name={`hours-${d}`}
                defaultValue={(profile.openingHours[d] ?? [])
                  .map(([a, b]) => `${a}-${b}`)
                  .join(", ")}
                className={inputClass}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="pf-accreditations" className="block text-sm">
        {t("accreditations")}
        <textarea
          id="pf-accreditations"
          name="accreditations"
          rows={3}
          aria-describedby="pf-accreditations-hint"
          defaultValue={accreditations
            .map((a) => `${a.type} ${a.certificateNo} ${dayInput(a.validUntil, profile.timeZone)}`)
            .join("\n")}
          className={`${inputClass} font-mono`}
        />
        <span id="pf-accreditations-hint" className="text-xs text-slate-600">
          {t("accreditationsHint")}
        </span>
      </label>
      <FormErrors errors={callbacks.errors} />
      <button
        type="submit"
        disabled={save.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("save")}
      </button>
    </form>
  );
}
