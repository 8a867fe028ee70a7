// Numbers in API inputs: a number, or a string of decimal digits (what a form field sends), and
// nothing else. `true`, null, [], "0x10" and "1e3" are not numbers (z.coerce would read them as
// 1, 0, 0, 16 and 1000); an empty string is an absent value.
import { z } from "zod";

const DECIMAL = /^-?\d+(\.\d+)?$/;

function fromForm(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  return DECIMAL.test(text) ? Number(text) : value;
}

/** The schema, given a number parsed strictly from its input. */
export function numeric<T extends z.ZodType>(schema: T) {
  return z.preprocess(fromForm, schema);
}
