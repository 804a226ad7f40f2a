/**
 * Task pane entry (placeholder UI; the real UI replaces the <App> body).
 * One page, two modes: inside Excel (Office.js host = Excel) or file mode in a plain browser, where
 * Office.onReady resolves with host null — or where office.js did not load at all and `Office` is undefined.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";

export type HostMode = "loading" | "excel" | "file";

/** Resolves to "excel" when running as an Excel add-in, "file" otherwise (browser file mode). */
export async function detectHostMode(): Promise<Exclude<HostMode, "loading">> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "file";
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? "excel" : "file";
}

const statusText: Record<HostMode, string> = {
  loading: "正在加载…",
  excel: "已连接 Excel 工作簿。",
  file: "文件模式：在浏览器中选择 .xlsx 文件进行检查。",
};

export function App({ mode }: { mode: HostMode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main data-host-mode={mode} style={{ padding: 16 }}>
        <Title2 as="h1">预算绩效评价助手</Title2>
        <Body1 as="p">{statusText[mode]}</Body1>
      </main>
    </FluentProvider>
  );
}

/** If Office.onReady has not settled by then (office.js missing a file it needs), start in file mode. */
const ON_READY_FALLBACK_MS = 10_000;

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(<App mode="loading" />);
  let settled = false;
  const fallback = setTimeout(() => {
    if (!settled) root.render(<App mode="file" />);
  }, ON_READY_FALLBACK_MS);
  detectHostMode()
    .catch(() => "file" as const)
    .then((mode) => {
      settled = true;
      clearTimeout(fallback);
      root.render(<App mode={mode} />);
    });
}
