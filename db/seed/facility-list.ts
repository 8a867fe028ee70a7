// The hub and the published platforms (db/seed/sichuan-pilot-platforms.json, copied from the
// shared data), plus generated facilities that round out the prefectures and fields.
import published from "./sichuan-pilot-platforms.json";
import { prefectureByEnglishName, type PrefectureCode } from "../reference/prefectures";
import type { TechnologyField } from "../schema/enums";

export type FacilitySeed = {
  slug: string;
  nameEn: string;
  nameZh: string;
  kind: "hub" | "facility";
  host: string | null;
  level: string | null;
  prefecture: PrefectureCode;
  fields: TechnologyField[];
  published: boolean;
  hours: "office" | "extended" | "continuous";
};

const fieldMap: Record<string, TechnologyField[]> = {
  "electronic information": ["electronic_information"],
  "advanced materials": ["advanced_materials"],
  "advanced equipment": ["advanced_equipment"],
  biomanufacturing: ["biomanufacturing"],
  "clean energy": ["clean_energy"],
  aerospace: ["aerospace"],
  "multi-field": ["advanced_equipment", "electronic_information", "advanced_materials"],
};

// Where a published field is broad, the platform's name says more; these add the narrower field.
const extraFields: Record<string, TechnologyField[]> = {
  四川省水稻新品种新技术中试研发平台: ["food_agriculture"],
  金象赛瑞碳氮新材料研发中试平台: ["chemicals"],
  丹棱食品生物智造研究院: ["food_agriculture"],
  成都市现代中医药概念验证中心: ["medicine_health"],
  云克药业核药基地中试平台: ["medicine_health"],
  四川省矿产资源绿色开发与循环利用中试研发平台: ["chemicals"],
};

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[()]/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/-(pilot-)?r-and-d-platform$|-platform$/, "")
    .slice(0, 60);
}

const generated: Omit<FacilitySeed, "slug" | "published">[] = [
  {
    nameEn: "Chengdu AI Computing and Machine-Vision Verification Center",
    nameZh: "成都人工智能算力与机器视觉验证中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "chengdu",
    fields: ["ai", "electronic_information"],
    hours: "continuous",
  },
  {
    nameEn: "Zigong Salt-Chemical and Fluorine Materials Pilot Base",
    nameZh: "自贡盐化工与氟材料中试基地",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "zigong",
    fields: ["chemicals", "advanced_materials"],
    hours: "extended",
  },
  {
    nameEn: "Luzhou Liquor Fermentation and Food Pilot Center",
    nameZh: "泸州酿酒发酵与食品中试中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "luzhou",
    fields: ["biomanufacturing", "food_agriculture"],
    hours: "extended",
  },
  {
    nameEn: "Leshan Polysilicon and Photovoltaic Test Center",
    nameZh: "乐山多晶硅与光伏检测中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "leshan",
    fields: ["clean_energy", "advanced_materials"],
    hours: "office",
  },
  {
    nameEn: "Suining Lithium Battery Materials Pilot Platform",
    nameZh: "遂宁锂电材料中试平台",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "suining",
    fields: ["clean_energy", "chemicals"],
    hours: "continuous",
  },
  {
    nameEn: "Nanchong Chemical Process Pilot Center",
    nameZh: "南充化工工艺中试中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "nanchong",
    fields: ["chemicals"],
    hours: "extended",
  },
  {
    nameEn: "Deyang Heavy Equipment Testing and Verification Center",
    nameZh: "德阳重型装备检测验证中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "deyang",
    fields: ["advanced_equipment", "aerospace"],
    hours: "office",
  },
  {
    nameEn: "Ya'an Green Food and Agricultural Products Pilot Base",
    nameZh: "雅安绿色食品与农产品中试基地",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "yaan",
    fields: ["food_agriculture", "biomanufacturing"],
    hours: "office",
  },
  {
    nameEn: "Ziyang Medical Device and Pharmaceutical Pilot Center",
    nameZh: "资阳医疗器械与医药中试中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "ziyang",
    fields: ["medicine_health", "advanced_equipment"],
    hours: "office",
  },
  {
    nameEn: "Guang'an Electronic Components Inspection Center",
    nameZh: "广安电子元器件检验检测中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "guangan",
    fields: ["electronic_information"],
    hours: "office",
  },
  {
    nameEn: "Dazhou Natural-Gas Chemicals and New Materials Pilot Base",
    nameZh: "达州天然气化工与新材料中试基地",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "dazhou",
    fields: ["chemicals", "advanced_materials"],
    hours: "extended",
  },
  {
    nameEn: "Chengdu Aerospace Structures Environmental Test Center",
    nameZh: "成都航空结构环境试验中心",
    kind: "facility",
    host: null,
    level: null,
    prefecture: "chengdu",
    fields: ["aerospace", "advanced_equipment"],
    hours: "extended",
  },
];

export function facilitySeeds(): FacilitySeed[] {
  const hub: FacilitySeed = {
    slug: "sichuan-pilot-hub",
    nameEn: published.hub.nameEn,
    nameZh: published.hub.nameZh,
    kind: "hub",
    host: published.hub.founders.join("、"),
    level: "provincial hub",
    prefecture: "chengdu",
    fields: ["advanced_materials", "biomanufacturing", "advanced_equipment", "medicine_health"],
    published: true,
    hours: "office",
  };
  const platforms: FacilitySeed[] = published.platforms.map((p, i) => ({
    slug: slugify(p.nameEn),
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    kind: "facility",
    host: p.host,
    level: p.level,
    prefecture: prefectureByEnglishName(p.city)?.code ?? "chengdu",
    fields: [...(fieldMap[p.field] ?? ["advanced_equipment"]), ...(extraFields[p.nameZh] ?? [])],
    published: true,
    hours: (["office", "extended", "continuous"] as const)[i % 3],
  }));
  const extra: FacilitySeed[] = generated.map((g) => ({
    ...g,
    slug: slugify(g.nameEn),
    published: false,
  }));
  return [hub, ...platforms, ...extra];
}
