// An amount of money as API input: whole fen, positive, at most ¥100 million.
import { z } from "zod";
import { numeric } from "../number-input";

export const fenInput = numeric(
  z
    .number({ error: "field.amountFen" })
    .int("field.wholeFen")
    .positive("field.positive")
    .max(10_000_000_000, "field.tooLarge"),
);
