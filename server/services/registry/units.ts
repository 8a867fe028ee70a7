// Unit conversion for capability parameters: every value is compared in its key's canonical unit
// (db/reference/parameters.ts). Linear units have a factor; temperatures also an offset.
import { parameterKeys, type ParameterKey } from "@/db/reference/parameters";

type Conversion = { factor: number; offset?: number };

const units: Record<ParameterKey, Record<string, Conversion>> = {
  volume: { L: { factor: 1 }, "m³": { factor: 1000 }, m3: { factor: 1000 }, mL: { factor: 0.001 } },
  temperature: {
    "°C": { factor: 1 },
    C: { factor: 1 },
    K: { factor: 1, offset: -273.15 },
    "°F": { factor: 5 / 9, offset: (-32 * 5) / 9 },
  },
  pressure: {
    bar: { factor: 1 },
    MPa: { factor: 10 },
    kPa: { factor: 0.01 },
    Pa: { factor: 1e-5 },
    psi: { factor: 0.0689476 },
  },
  throughput: {
    "kg/h": { factor: 1 },
    "t/h": { factor: 1000 },
    "kg/min": { factor: 60 },
    "g/h": { factor: 0.001 },
  },
  force: { kN: { factor: 1 }, N: { factor: 0.001 }, MN: { factor: 1000 } },
  frequency: {
    Hz: { factor: 1 },
    kHz: { factor: 1e3 },
    MHz: { factor: 1e6 },
    GHz: { factor: 1e9 },
  },
  humidity: { "%RH": { factor: 1 } },
  voltage: { V: { factor: 1 }, kV: { factor: 1000 }, mV: { factor: 0.001 } },
  current: { A: { factor: 1 }, mA: { factor: 0.001 }, kA: { factor: 1000 } },
  channels: { ch: { factor: 1 } },
  resolution: { nm: { factor: 1 }, µm: { factor: 1000 }, um: { factor: 1000 } },
  wafer_size: { mm: { factor: 1 }, inch: { factor: 25.4 } },
  travel: { mm: { factor: 1 }, m: { factor: 1000 } },
  spindle_speed: { rpm: { factor: 1 } },
  laser_power: { W: { factor: 1 }, kW: { factor: 1000 } },
  altitude: { km: { factor: 1 }, m: { factor: 0.001 } },
  thrust: { kN: { factor: 1 }, N: { factor: 0.001 } },
  width: { mm: { factor: 1 }, m: { factor: 1000 } },
  speed: { "m/min": { factor: 1 }, "m/s": { factor: 60 } },
  gpu_memory: { GB: { factor: 1 }, TB: { factor: 1000 } },
  acceleration: { g: { factor: 1 }, "m/s²": { factor: 1 / 9.80665 } },
  area: { "m²": { factor: 1 }, m2: { factor: 1 } },
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
  return value * c.factor + (c.offset ?? 0);
}
