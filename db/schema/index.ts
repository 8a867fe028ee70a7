export * from "./enums";
export * from "./registry";
export * from "./parties";
export * from "./requests";
export * from "./system";
export * from "./money";
export * from "./vouchers";
export * from "./usage";
