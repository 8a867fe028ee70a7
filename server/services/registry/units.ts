// Unit conversion for capability parameters: every value is compared in its key's canonical unit
// (db/reference/parameters.ts). Linear units have a factor; temperatures also an offset.
import { parameterKeys, type ParameterKey } from "@/db/reference/parameters";

/**
 * value in the canonical unit = (value + before) × factor ÷ divisor + after. Factors are exact
 * definitions, and a unit smaller than the canonical one divides (÷ 1000 is exact where × 0.001
 * is not), so a bound typed in any unit lands on the canonical value it names: 356 °F is 180 °C.
 */
type Conversion = { factor?: number; divisor?: number; before?: number; after?: number };

// 1 lbf = 0.45359237 kg × 9.80665 m/s² = 4.4482216152605 N; 1 in² = 0.00064516 m²; 1 bar = 1e5 Pa.
const PSI_IN_BAR = 4.4482216152605 / 0.00064516 / 1e5;

const units: Record<ParameterKey, Record<string, Conversion>> = {
  volume: { L: {}, "m³": { factor: 1000 }, m3: { factor: 1000 }, mL: { divisor: 1000 } },
  temperature: {
    "°C": {},
    C: {},
    K: { after: -273.15 },
    "°F": { before: -32, factor: 5, divisor: 9 },
  },
  pressure: {
    bar: {},
    MPa: { factor: 10 },
    kPa: { divisor: 100 },
    Pa: { divisor: 1e5 },
    psi: { factor: PSI_IN_BAR },
  },
  throughput: {
    "kg/h": {},
    "t/h": { factor: 1000 },
    "kg/min": { factor: 60 },
    "g/h": { divisor: 1000 },
  },
  force: { kN: {}, N: { divisor: 1000 }, MN: { factor: 1000 } },
  frequency: { Hz: {}, kHz: { factor: 1e3 }, MHz: { factor: 1e6 }, GHz: { factor: 1e9 } },
  humidity: { "%RH": {} },
  voltage: { V: {}, kV: { factor: 1000 }, mV: { divisor: 1000 } },
  current: { A: {}, mA: { divisor: 1000 }, kA: { factor: 1000 } },
  channels: { ch: {} },
  resolution: { nm: {}, µm: { factor: 1000 }, um: { factor: 1000 } },
  wafer_size: { mm: {}, inch: { factor: 25.4 } },
  travel: { mm: {}, m: { factor: 1000 } },
  spindle_speed: { rpm: {} },
  laser_power: { W: {}, kW: { factor: 1000 } },
  altitude: { km: {}, m: { divisor: 1000 } },
  thrust: { kN: {}, N: { divisor: 1000 } },
  width: { mm: {}, m: { factor: 1000 } },
  speed: { "m/min": {}, "m/s": { factor: 60 } },
  gpu_memory: { GB: {}, TB: { factor: 1000 } },
  acceleration: { g: {}, "m/s²": { divisor: 9.80665 } },
  area: { "m²": {}, m2: {} },
};

export function isParameterKey(key: string): key is ParameterKey {
  return Object.hasOwn(parameterKeys, key);
}

/** The units a key accepts, canonical first. */
export function unitsFor(key: ParameterKey): string[] {
  return Object.keys(units[key]);
}

export function canonicalUnit(key: ParameterKey): string {
  return parameterKeys[key].unit;
}

/** The value in the key's canonical unit, or null when the unit is not one the key accepts. */
export function toCanonical(key: ParameterKey, value: number, unit: string): number | null {
  const c = units[key][unit];
  if (!c) return null;
  return ((value + (c.before ?? 0)) * (c.factor ?? 1)) / (c.divisor ?? 1) + (c.after ?? 0);
}

/** The inverse: a canonical value in another unit the key accepts. */
export function fromCanonical(key: ParameterKey, value: number, unit: string): number | null {
  const c = units[key][unit];
  if (!c) return null;
  return ((value - (c.after ?? 0)) * (c.divisor ?? 1)) / (c.factor ?? 1) - (c.before ?? 0);
}
