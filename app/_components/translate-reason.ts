"use client";
// Server and schema reasons are English sentences (the API's language); forms show them in the
// visitor's language by finding the sentence in the English catalog's "validation" namespace.
import { useTranslations } from "next-intl";
import en from "../i18n/messages/en.json";

const keyOf = new Map(Object.entries(en.validation).map(([key, text]) => [text, key]));

export function useReasonTranslator() {
  const t = useTranslations("validation");
  return (reason: string) => {
    const key = keyOf.get(reason);
    return key ? t(key as keyof typeof en.validation) : reason;
  };
}
