"use client";
// Toasts for the outcome of an action; announced to screen readers through a live region.
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Toast = { id: number; kind: "success" | "error" | "info"; text: string };
const ToastContext = createContext<(kind: Toast["kind"], text: string) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

export function Toaster({ children, dismissLabel }: { children: ReactNode; dismissLabel: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((x) => x.id !== id)),
    [],
  );
  const push = useCallback(
    (kind: Toast["kind"], text: string) => {
      const id = nextId++;
      // A success supersedes earlier errors: they no longer describe the page.
      setToasts((list) => [
        ...list.filter((x) => kind !== "success" || x.kind !== "error").slice(-3),
        { id, kind, text },
      ]);
      setTimeout(() => dismiss(id), kind === "error" ? 8000 : 4500);
    },
    [dismiss],
  );
  const colours = {
    success: "border-emerald-600 bg-emerald-50 text-emerald-900",
    error: "border-red-600 bg-red-50 text-red-900",
    info: "border-brand-600 bg-brand-50 text-brand-900",
  };
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div
        aria-live="polite"
        role="status"
        className="fixed bottom-4 right-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            data-testid={`toast-${toast.kind}`}
            className={`flex items-start gap-3 rounded-md border-l-4 p-3 shadow-md ${colours[toast.kind]}`}
          >
            <p className="flex-1 text-sm">{toast.text}</p>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              className="text-sm underline"
              aria-label={dismissLabel}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
