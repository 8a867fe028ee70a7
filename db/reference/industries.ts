// Industries firms declare at registration (used by the monitoring figures "firms by industry").
export const industries = [
  "chemicals",
  "pharmaceuticals",
  "medical_devices",
  "electronics",
  "semiconductors",
  "machinery",
  "automotive",
  "aerospace",
  "energy",
  "batteries",
  "materials",
  "metallurgy",
  "food",
  "agriculture",
  "software_ai",
  "environmental",
  "other",
] as const;
export type Industry = (typeof industries)[number];
