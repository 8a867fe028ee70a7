"use client";
// A file input whose button and "no file" text are in the page's language (the browser's own
// control speaks the browser's language), keyboard-reachable through the hidden input's focus.
import { useState } from "react";

export function FilePicker(p: {
  id: string;
  name: string;
  multiple?: boolean;
  accept: string;
  describedBy?: string;
  choose: string;
  none: string;
}) {
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      <input
        id={p.id}
        name={p.name}
        type="file"
        multiple={p.multiple}
        accept={p.accept}
        aria-describedby={p.describedBy}
        className="peer sr-only"
        onChange={(e) => setNames([...(e.currentTarget.files ?? [])].map((f) => f.name))}
      />
      <label
        htmlFor={p.id}
        className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600"
      >
        {p.choose}
      </label>
      <span className="text-sm text-slate-600" data-testid={`${p.id}-chosen`}>
        {names.length ? names.join(", ") : p.none}
      </span>
    </div>
  );
}
