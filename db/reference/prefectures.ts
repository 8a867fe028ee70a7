// Sichuan's 21 prefecture-level divisions, with their approximate seats for map placement.
export const prefectures = [
  { code: "chengdu", en: "Chengdu", zh: "成都市", lat: 30.66, lng: 104.07 },
  { code: "zigong", en: "Zigong", zh: "自贡市", lat: 29.34, lng: 104.78 },
  { code: "panzhihua", en: "Panzhihua", zh: "攀枝花市", lat: 26.58, lng: 101.72 },
  { code: "luzhou", en: "Luzhou", zh: "泸州市", lat: 28.87, lng: 105.44 },
  { code: "deyang", en: "Deyang", zh: "德阳市", lat: 31.13, lng: 104.4 },
  { code: "mianyang", en: "Mianyang", zh: "绵阳市", lat: 31.47, lng: 104.68 },
  { code: "guangyuan", en: "Guangyuan", zh: "广元市", lat: 32.44, lng: 105.84 },
  { code: "suining", en: "Suining", zh: "遂宁市", lat: 30.53, lng: 105.59 },
  { code: "neijiang", en: "Neijiang", zh: "内江市", lat: 29.58, lng: 105.06 },
  { code: "leshan", en: "Leshan", zh: "乐山市", lat: 29.55, lng: 103.77 },
  { code: "nanchong", en: "Nanchong", zh: "南充市", lat: 30.84, lng: 106.11 },
  { code: "meishan", en: "Meishan", zh: "眉山市", lat: 30.08, lng: 103.85 },
  { code: "yibin", en: "Yibin", zh: "宜宾市", lat: 28.77, lng: 104.64 },
  { code: "guangan", en: "Guang'an", zh: "广安市", lat: 30.46, lng: 106.63 },
  { code: "dazhou", en: "Dazhou", zh: "达州市", lat: 31.21, lng: 107.47 },
  { code: "yaan", en: "Ya'an", zh: "雅安市", lat: 29.98, lng: 103.01 },
  { code: "bazhong", en: "Bazhong", zh: "巴中市", lat: 31.87, lng: 106.75 },
  { code: "ziyang", en: "Ziyang", zh: "资阳市", lat: 30.13, lng: 104.63 },
  { code: "aba", en: "Aba (Ngawa)", zh: "阿坝藏族羌族自治州", lat: 31.9, lng: 102.22 },
  { code: "garze", en: "Garzê", zh: "甘孜藏族自治州", lat: 30.05, lng: 101.96 },
  { code: "liangshan", en: "Liangshan", zh: "凉山彝族自治州", lat: 27.89, lng: 102.27 },
] as const;

export type PrefectureCode = (typeof prefectures)[number]["code"];
export const prefectureCodes = prefectures.map((p) => p.code) as [
  PrefectureCode,
  ...PrefectureCode[],
];

export function prefectureByEnglishName(name: string) {
  return prefectures.find((p) => p.en.toLowerCase() === name.toLowerCase());
}
