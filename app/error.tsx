"use client";
// Shown when a page fails to render. Bilingual and hook-free, so every page need not ship the
// message catalog to the browser just for this.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-12 text-center" role="alert">
      <h1 className="text-2xl font-semibold">
        Something went wrong <span lang="zh-CN">· 出错了</span>
      </h1>
      <p className="mt-2 text-slate-600">
        The page could not be shown. Please try again.{" "}
        <span lang="zh-CN">页面无法显示，请重试。</span>
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-white"
      >
        Try again <span lang="zh-CN">· 重试</span>
      </button>
    </div>
  );
}
