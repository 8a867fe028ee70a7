// Demo firms (illustrative names, valid credit codes) and the demo accounts listed in the README.
import type { DB } from "../client";
import { firms, users } from "../schema";
import type { SeededFacility } from "./demo-registry";
import { makeCreditCode } from "./credit-codes";

export const DEMO_PASSWORD = "pilot-demo-2026";
/** The facility whose operator account is `operator@pilot.demo` in the README walk-through. */
export const WALKTHROUGH_FACILITY_PREFIX = "jinxiang-sairui";

const firmSeeds = [
  {
    name: "Chengdu Xinrui Biopharma Co., Ltd. (illustrative)",
    region: "510100",
    size: "medium",
    industry: "pharmaceuticals",
    prefecture: "chengdu",
  },
  {
    name: "Mianyang Hongxin Microelectronics Co., Ltd. (illustrative)",
    region: "510700",
    size: "small",
    industry: "semiconductors",
    prefecture: "mianyang",
  },
  {
    name: "Deyang Zhongke Heavy Machinery Co., Ltd. (illustrative)",
    region: "510600",
    size: "large",
    industry: "machinery",
    prefecture: "deyang",
  },
  {
    name: "Yibin Lanjing New Energy Technology Co., Ltd. (illustrative)",
    region: "511500",
    size: "medium",
    industry: "batteries",
    prefecture: "yibin",
  },
  {
    name: "Meishan Tianyuan Fine Chemicals Co., Ltd. (illustrative)",
    region: "511400",
    size: "small",
    industry: "chemicals",
    prefecture: "meishan",
  },
  {
    name: "Chengdu Qiming Intelligent Robotics Co., Ltd. (illustrative)",
    region: "510100",
    size: "micro",
    industry: "software_ai",
    prefecture: "chengdu",
  },
  {
    name: "Zigong Huaxin Valve Co., Ltd. (illustrative)",
    region: "510300",
    size: "medium",
    industry: "machinery",
    prefecture: "zigong",
  },
  {
    name: "Luzhou Jiaxiang Food Biotech Co., Ltd. (illustrative)",
    region: "510500",
    size: "small",
    industry: "food",
    prefecture: "luzhou",
  },
  {
    name: "Suining Ruineng Lithium Materials Co., Ltd. (illustrative)",
    region: "510900",
    size: "medium",
    industry: "batteries",
    prefecture: "suining",
  },
  {
    name: "Panzhihua Gangtai Titanium Alloy Co., Ltd. (illustrative)",
    region: "510400",
    size: "large",
    industry: "metallurgy",
    prefecture: "panzhihua",
  },
  {
    name: "Leshan Guangyu Photovoltaic Materials Co., Ltd. (illustrative)",
    region: "511100",
    size: "medium",
    industry: "energy",
    prefecture: "leshan",
  },
  {
    name: "Nanchong Hengsheng Auto Parts Co., Ltd. (illustrative)",
    region: "511300",
    size: "small",
    industry: "automotive",
    prefecture: "nanchong",
  },
  {
    name: "Chengdu Yunfei Aerospace Components Co., Ltd. (illustrative)",
    region: "510100",
    size: "medium",
    industry: "aerospace",
    prefecture: "chengdu",
  },
  {
    name: "Ya'an Mengding Tea Biotech Co., Ltd. (illustrative)",
    region: "511800",
    size: "micro",
    industry: "agriculture",
    prefecture: "yaan",
  },
] as const;

// Illustrative operator names, cycled over the facilities.
const operatorNames = [
  "Zhang Wei 张伟",
  "Li Na 李娜",
  "Wang Lei 王磊",
  "Zhao Jing 赵静",
  "Chen Gang 陈刚",
  "Yang Xue 杨雪",
  "Huang Tao 黄涛",
  "Wu Qian 吴倩",
];

export type SeededFirm = { id: number; userIds: number[]; industry: string };
export type SeededStaff = {
  firms: SeededFirm[];
  operatorByFacility: Map<number, number>;
  coordinatorId: number;
  adminId: number;
};

/** The sign-in emails of a demo firm's users, by the firm's name (the first is its requester). */
export function demoFirmEmails(firmName: string): string[] {
  const i = firmSeeds.findIndex((f) => f.name === firmName);
  if (i < 0) return [];
  return i === 0
    ? ["firm@pilot.demo", "firm.colleague@pilot.demo"]
    : i === 1
      ? ["firm2@pilot.demo"]
      : [`staff${i + 1}@pilot.demo`];
}

export function seedParties(
  db: DB,
  facilitiesSeeded: SeededFacility[],
  passwordHash: string,
): SeededStaff {
  const seededFirms: SeededFirm[] = firmSeeds.map((f, i) => {
    const firm = db
      .insert(firms)
      .values({
        name: f.name,
        creditCode: makeCreditCode(f.region, String(20_000_000 + i * 7_919_123).slice(0, 8)),
        size: f.size,
        industry: f.industry,
        prefecture: f.prefecture,
      })
      .returning({ id: firms.id })
      .get();
    const emails = demoFirmEmails(f.name);
    const userIds = emails.map(
      (email, k) =>
        db
          .insert(users)
          .values({
            email,
            name: i === 0 ? (k === 0 ? "Chen Li 陈丽" : "Wang Jun 王军") : `Staff ${i + 1}`,
            passwordHash,
            role: "firm",
            firmId: firm.id,
            // The first person of each firm manages its account.
            firmRole: k === 0 ? "manager" : "member",
            locale: i % 3 === 0 ? "zh" : "en",
          })
          .returning({ id: users.id })
          .get().id,
    );
    return { id: firm.id, userIds, industry: f.industry };
  });

  const operatorByFacility = new Map<number, number>();
  let coordinatorId = 0;
  for (const f of facilitiesSeeded) {
    if (f.kind === "hub") {
      coordinatorId = db
        .insert(users)
        .values({
          email: "coordinator@pilot.demo",
          name: "Zhou Min 周敏",
          passwordHash,
          role: "coordinator",
          facilityId: f.id,
        })
        .returning({ id: users.id })
        .get().id;
      operatorByFacility.set(f.id, coordinatorId);
      continue;
    }
    const walkthrough = f.slug.startsWith(WALKTHROUGH_FACILITY_PREFIX);
    const email = walkthrough ? "operator@pilot.demo" : `ops.${f.slug}@pilot.demo`;
    const name = walkthrough
      ? "Liu Yang 刘洋"
      : operatorNames[operatorByFacility.size % operatorNames.length];
    const id = db
      .insert(users)
      .values({ email, name, passwordHash, role: "operator", facilityId: f.id })
      .returning({ id: users.id })
      .get().id;
    operatorByFacility.set(f.id, id);
    // The walk-through facility has a reviewer and an authorised signatory too: its reports are
    // tested, reviewed and approved by three different people.
    if (walkthrough)
      db.insert(users)
        .values([
          {
            email: "reviewer@pilot.demo",
            name: "Chen Jing 陈静",
            passwordHash,
            role: "operator",
            facilityId: f.id,
          },
          {
            email: "signatory@pilot.demo",
            name: "Huang Lei 黄磊",
            passwordHash,
            role: "operator",
            facilityId: f.id,
            signatory: true,
          },
        ])
        .run();
  }
  const adminId = db
    .insert(users)
    .values({
      email: "admin@pilot.demo",
      name: "Wang Fang 王芳",
      passwordHash,
      role: "admin",
      locale: "zh",
    })
    .returning({ id: users.id })
    .get().id;
  return { firms: seededFirms, operatorByFacility, coordinatorId, adminId };
}
