// Enter in a one-line field of a long form does not send it half-filled: only the submit button
// (or Enter on it) does. Textareas keep Enter for new lines.
import type { KeyboardEvent } from "react";

const SENDING = new Set(["submit", "button", "image", "reset"]);

export function keepEnterFromSubmitting(e: KeyboardEvent<HTMLFormElement>) {
  const target = e.target;
  if (e.key === "Enter" && target instanceof HTMLInputElement && !SENDING.has(target.type))
    e.preventDefault();
}
