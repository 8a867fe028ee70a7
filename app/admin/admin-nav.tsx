"use client";
// The admin's sections; the current one is marked for screen readers and by its colour.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function AdminNav({
  items,
  label,
}: {
  items: { href: string; label: string }[];
  label: string;
}) {
  const path = usePathname();
  const current = (href: string) => (href === "/admin" ? path === "/admin" : path.startsWith(href));
  return (
    <nav
      aria-label={label}
      className="-mx-1 mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2 text-sm"
    >
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          aria-current={current(i.href) ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 ${current(i.href) ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
