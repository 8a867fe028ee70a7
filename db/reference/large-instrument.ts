// Large research instruments: original value of ¥500,000 or more. They are the equipment the
// national and provincial open-sharing evaluations assess.
export const LARGE_INSTRUMENT_FEN = 50_000_000;
export const isLargeInstrument = (originalValueFen: number) =>
  originalValueFen >= LARGE_INSTRUMENT_FEN;
