// Demo registry: facilities with accreditations, illustrative equipment with capability
// parameters, and services linked to that equipment.
import { makeCreditCode } from "./credit-codes";
import type { DB } from "../client";
import {
  facilities,
  accreditations,
  equipment,
  equipmentParams,
  services,
  serviceEquipment,
} from "../schema";
import { prefectures } from "../reference/prefectures";
import { parameterKeys } from "../reference/parameters";
import { fundingSources, type TechnologyField } from "../schema/enums";
import { facilitySeeds, type FacilitySeed } from "./facility-list";
import { equipmentCatalog, type EquipmentTemplate } from "./equipment-catalog";
import { serviceCatalog } from "./service-catalog";
import { openingHoursPresets, longestOpenStretchHours } from "./opening-hours";
import type { Rng } from "./random";
import { DAY } from "./time";

export type SeededEquipment = {
  id: number;
  facilityId: number;
  category: string;
  units: number;
  setupMinutes: number;
  minHours: number;
  maxHours: number;
  leadDays: number;
  hourlyRateFen: number;
  status: "operational" | "maintenance" | "retired";
  autoApprove: boolean;
  calibrationDueAt: number;
  params: [key: string, min: number | null, max: number | null][];
};

export type SeededFacility = FacilitySeed & {
  id: number;
  equipment: SeededEquipment[];
  serviceIds: { id: number; type: string; categories: string[]; accredited: boolean }[];
  /** The latest end of the facility's CMA or CNAS accreditation, or null without one. */
  accreditedUntil: number | null;
};

const fieldNames: Record<TechnologyField, [string, string]> = {
  ai: ["artificial intelligence", "人工智能"],
  aerospace: ["aerospace", "航空航天"],
  advanced_equipment: ["advanced equipment", "先进装备"],
  biomanufacturing: ["biomanufacturing", "生物制造"],
  clean_energy: ["clean energy", "清洁能源"],
  advanced_materials: ["advanced materials", "先进材料"],
  electronic_information: ["electronic information", "电子信息"],
  medicine_health: ["medicine and health", "医药健康"],
  food_agriculture: ["food and agriculture", "食品与农业"],
  chemicals: ["chemicals", "化工"],
};

const areaCodes: Record<string, string> = {
  chengdu: "028",
  mianyang: "0816",
  panzhihua: "0812",
  neijiang: "0832",
  deyang: "0838",
  meishan: "028",
  yibin: "0831",
  zigong: "0813",
  luzhou: "0830",
  leshan: "0833",
  suining: "0825",
  nanchong: "0817",
  yaan: "0835",
  ziyang: "028",
  guangan: "0826",
  dazhou: "0818",
};

const hubTemplates = ["sem", "xrd", "climate_chamber", "hplc", "jacketed_reactor"];

function templatesFor(f: FacilitySeed): EquipmentTemplate[] {
  if (f.kind === "hub") {
    const all = Object.values(equipmentCatalog).flat();
    return hubTemplates.map((c) => all.find((t) => t.category === c)!);
  }
  const seen = new Set<string>();
  const list: EquipmentTemplate[] = [];
  for (const field of f.fields)
    for (const t of equipmentCatalog[field] ?? [])
      if (!seen.has(t.category)) {
        seen.add(t.category);
        list.push(t);
      }
  // Cross-field instruments every testing platform tends to have.
  for (const c of ["climate_chamber", "universal_testing_machine"]) {
    const t = Object.values(equipmentCatalog)
      .flat()
      .find((x) => x.category === c)!;
    if (!seen.has(c)) {
      seen.add(c);
      list.push(t);
    }
  }
  return list;
}

function describe(f: FacilitySeed): [string, string] {
  const en = f.fields.map((x) => fieldNames[x][0]).join(", ");
  const zh = f.fields.map((x) => fieldNames[x][1]).join("、");
  if (f.kind === "hub")
    return [
      "The provincial hub of the 1+N network: pools pilot-scale resources of universities, institutes, firms and local governments, routes requests to the N facilities, shares pilot-scale costs and incubates firms.",
      "全省“1+N”中试研发服务体系的“1”：汇聚高校、院所、企业和地方的中试资源，向N个平台分派中试任务，分担中试成本，孵化企业。",
    ];
  return [
    `Pilot-scale inspection, testing, verification and production services in ${en}${f.host ? `, hosted by ${f.host}` : ""}.`,
    `面向${zh}领域的中试熟化、检验检测与验证服务${f.host ? `，依托${f.host}建设` : ""}。`,
  ];
}

export function seedRegistry(db: DB, rng: Rng, today: number): SeededFacility[] {
  const out: SeededFacility[] = [];
  for (const [position, f] of facilitySeeds().entries()) {
    const pref = prefectures.find((p) => p.code === f.prefecture)!;
    const [descriptionEn, descriptionZh] = describe(f);
    const area = areaCodes[f.prefecture] ?? "028";
    const row = db
      .insert(facilities)
      .values({
        slug: f.slug,
        nameEn: f.nameEn,
        nameZh: f.nameZh,
        kind: f.kind,
        host: f.host,
        level: f.level,
        prefecture: f.prefecture,
        address: f.kind === "hub" ? "High-tech Zone, Chengdu" : `${pref.en} (illustrative address)`,
        latitude: Math.round((pref.lat + (rng.next() - 0.5) * 0.1) * 1e4) / 1e4,
        longitude: Math.round((pref.lng + (rng.next() - 0.5) * 0.1) * 1e4) / 1e4,
        fields: f.fields,
        descriptionEn,
        descriptionZh,
        contactName: f.kind === "hub" ? "Hub service desk" : "Service desk",
        contactPhone: `${area}-${rng.int(6000, 8999)}${rng.int(1000, 9999)}`,
        contactEmail: `service@${f.slug.slice(0, 24)}.demo`,
        openingHours: openingHoursPresets[f.hours],
        fromPublishedList: f.published,
        // Generated facilities get an illustrative credit code; the real platforms' are not known.
        creditCode: f.published ? null : makeCreditCode("510100", String(52_000_000 + position)),
        // Most platforms are general VAT taxpayers (6 %); some generated ones small-scale (3 %).
        vatRateBp: !f.published && f.slug.length % 3 === 0 ? 300 : 600,
      })
      .returning({ id: facilities.id })
      .get();

    let accreditedUntil: number | null = null;
    if (rng.chance(0.7) || f.kind === "hub") {
      const expired = rng.chance(0.15);
      const certificates = db
        .insert(accreditations)
        .values([
          {
            facilityId: row.id,
            type: "CMA",
            certificateNo: `${rng.int(19, 24)}2${rng.int(10, 99)}${rng.int(1000000, 9999999)}`,
            scope: "Inspection and testing",
            validUntil: today + (expired ? -rng.int(10, 200) : rng.int(20, 1400)) * DAY,
          },
          ...(rng.chance(0.6) || f.kind === "hub"
            ? [
                {
                  facilityId: row.id,
                  type: "CNAS",
                  certificateNo: `CNAS L${rng.int(10000, 29999)}`,
                  scope: "ISO/IEC 17025 testing",
                  validUntil: today + rng.int(25, 1500) * DAY,
                },
              ]
            : []),
        ])
        .returning({ validUntil: accreditations.validUntil })
        .all();
      accreditedUntil = Math.max(...certificates.map((c) => c.validUntil));
    }

    const stretch = longestOpenStretchHours(f.hours);
    const templates = templatesFor(f);
    const count = f.kind === "hub" ? templates.length : Math.min(templates.length, rng.int(4, 6));
    let chosen =
      f.kind === "hub" ? templates : [...templates].sort(() => rng.next() - 0.5).slice(0, count);
    // The README's walk-through operator runs a reactor of at least 500 L.
    const walkthrough = f.slug.startsWith("jinxiang");
    if (walkthrough && !chosen.some((t) => t.category === "jacketed_reactor"))
      chosen = [templates.find((t) => t.category === "jacketed_reactor")!, ...chosen.slice(1)];
    const seeded: SeededEquipment[] = [];
    chosen.forEach((t, i) => {
      const variant =
        f.slug.startsWith("jinxiang") && t.category === "jacketed_reactor"
          ? t.params[1]
          : rng.pick(t.params);
      const maker = rng.pick(t.makers);
      const units = rng.pick(t.units);
      const roll = rng.next();
      const status =
        walkthrough && t.category === "jacketed_reactor"
          ? "operational"
          : roll < 0.06
            ? "maintenance"
            : roll < 0.08
              ? "retired"
              : "operational";
      const calRoll = rng.next();
      const calibrationDueAt =
        today +
        (calRoll < 0.06 ? -rng.int(3, 60) : calRoll < 0.15 ? rng.int(2, 28) : rng.int(45, 330)) *
          DAY;
      const minHours = Math.min(
        t.hours[0],
        stretch === Infinity ? t.hours[0] : Math.floor(stretch / 2),
      );
      const maxHours = Math.max(minHours, Math.min(t.hours[1], stretch));
      const volume = variant.find((p) => p[0] === "volume");
      const name = `${t.en}${volume ? ` ${volume[2]} L` : ""}`;
      const setupMinutes = rng.pick(t.setup);
      const leadDays = rng.pick([1, 1, 2, 3, 5]);
      const hourlyRateFen = Math.round(rng.int(t.rateYuan[0], t.rateYuan[1]) / 10) * 1000;
      const autoApprove =
        ["salt_spray_chamber", "hplc", "gpu_cluster", "battery_cycler", "climate_chamber"].includes(
          t.category,
        ) && i % 2 === 0;
      // Drawn in the order the row lists them, so the rest of the demo data stays as it was.
      const originalValueFen = rng.int(t.valueWan[0], t.valueWan[1]) * 10000 * 100;
      const sharing = rng.chance(0.9) ? ("external" as const) : ("internal" as const);
      const acquiredYear = rng.int(2015, 2025);
      const seq = String(i + 1).padStart(3, "0");
      const e = db
        .insert(equipment)
        .values({
          facilityId: row.id,
          name,
          nameZh: `${t.zh}${volume ? ` ${volume[2]}升` : ""}`,
          category: t.category,
          manufacturer: maker[0],
          model: maker[1],
          description: `${maker[0]} ${maker[1]}: illustrative entry for the demo.`,
          units,
          hourlyRateFen,
          setupMinutes,
          minHours,
          maxHours,
          leadDays,
          status,
          calibrationDueAt,
          autoApprove,
          originalValueFen,
          sharing,
          acquiredYear,
          // The record the sharing evaluation asks for, derived rather than drawn.
          assetNumber: `${f.slug.slice(0, 6).toUpperCase()}-${acquiredYear}-${seq}`,
          purchaseDate: `${acquiredYear}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
          fundingSource: fundingSources[i % fundingSources.length],
        })
        .returning({ id: equipment.id })
        .get();
      db.insert(equipmentParams)
        .values(
          variant.map(([key, min, max]) => ({
            equipmentId: e.id,
            key,
            unit: parameterKeys[key].unit,
            min,
            max,
          })),
        )
        .run();
      seeded.push({
        id: e.id,
        facilityId: row.id,
        category: t.category,
        units,
        setupMinutes,
        minHours,
        maxHours,
        leadDays,
        hourlyRateFen,
        status,
        autoApprove,
        calibrationDueAt,
        params: variant,
      });
    });
    const categories = new Set(seeded.map((s) => s.category));
    const fitting = serviceCatalog.filter((s) => s.categories.some((c) => categories.has(c)));
    const consulting = serviceCatalog.filter((s) => s.type === "consulting");
    // One of each type the equipment supports first, then more up to five.
    const firstOfType = fitting.filter((s, i) => fitting.findIndex((x) => x.type === s.type) === i);
    const more = fitting.filter((s) => !firstOfType.includes(s));
    const picked = [...firstOfType, ...more].slice(0, Math.max(5, firstOfType.length));
    picked.push(...(f.kind === "hub" ? consulting : rng.chance(0.3) ? [rng.pick(consulting)] : []));
    const serviceIds: SeededFacility["serviceIds"] = [];
    for (const [i, s] of picked.entries()) {
      const linked = seeded.filter((e) => s.categories.includes(e.category));
      const rate = linked[0]?.hourlyRateFen ?? 50000;
      const svc = db
        .insert(services)
        .values({
          facilityId: row.id,
          type: s.type,
          name: s.en,
          nameZh: s.zh,
          description: `${s.en} to ${s.standards.join(", ")}. Illustrative catalogue entry.`,
          standards: s.standards,
          accredited: s.accredited,
          typicalHours: s.hours,
          priceBasis: s.basis,
          priceFen:
            s.basis === "quote"
              ? null
              : s.basis === "per_hour"
                ? rate
                : Math.round((rate * Math.min(s.hours, 8)) / 10000) * 10000,
          // Published terms, varied by position rather than by chance (the rest of the demo's
          // random choices stay as they were): a two-hour minimum on hourly work, surcharges for
          // urgent testing and hazardous samples, a discount for small firms at every other one.
          minChargeFen: s.basis === "per_hour" ? rate * 2 : 0,
          urgentSurchargePct: ["testing", "inspection"].includes(s.type) ? 30 : 0,
          hazardSurchargePct: ["testing", "pilot_production", "scale_up"].includes(s.type) ? 20 : 0,
          smallFirmDiscountPct: i % 2 === 0 && s.type !== "consulting" ? 10 : 0,
        })
        .returning({ id: services.id })
        .get();
      if (linked.length)
        db.insert(serviceEquipment)
          .values(linked.map((e) => ({ serviceId: svc.id, equipmentId: e.id })))
          .run();
      serviceIds.push({
        id: svc.id,
        type: s.type,
        categories: s.categories,
        accredited: s.accredited,
      });
    }
    out.push({ ...f, id: row.id, equipment: seeded, serviceIds, accreditedUntil });
  }
  return out;
}
