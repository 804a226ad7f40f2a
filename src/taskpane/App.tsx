/**
 * The task pane: one page for the Excel add-in and for file mode (a plain browser).
 *
 *   Header         title, where it works, language switch
 *   Actions        Excel: 检查当前工作簿 / 写入评价汇总 / 插入空白模板 / 导入其他工作簿;
 *                  file mode: drop zone + 选择文件 / 下载评价结果 / 下载空白模板; both: 设置
 *   Settings       profile (built-in or an imported JSON profile) and gap thresholds (collapsible)
 *   Progress       which file is being read / checking / writing, with 取消
 *   Notices        what happened, and what to do next
 *   Sources        picked or imported files, folded when there are many (unreadable ones always shown)
 *   ResultHeader   the summary: projects, errors, warnings, info, mean score, reviewed; grades
 *   ProjectsTable  项目一览: one row per project, sortable; a click narrows the findings to it (and selects its sheet)
 *   Findings       by project, then severity; filter (which also narrows the table); click → select the cell /
 *                  show the cell's row
 */
import * as React from "react";
import { FluentProvider, makeStyles, mergeClasses, tokens, webLightTheme, type Theme } from "@fluentui/react-components";
import type { PaneController } from "./controller";
import { Actions } from "./components/Actions";
import { PaneContext, usePaneValue } from "./components/context";
import { EmptyState } from "./components/EmptyState";
import { Findings } from "./components/Findings";
import { Header } from "./components/Header";
import { Notices } from "./components/Notices";
import { Progress } from "./components/Progress";
import { ProjectsTable } from "./components/ProjectsTable";
import { ResultHeader } from "./components/ResultHeader";
import { SettingsPanel } from "./components/SettingsPanel";
import { Sources } from "./components/Sources";

/** Fluent's web theme with Chinese UI fonts before the generic fallback. */
export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase:
    "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
};

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    width: "100%",
    maxWidth: "720px",
    minWidth: 0,
    margin: "0 auto",
    overflowWrap: "anywhere",
  },
  dragging: { outline: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  privacy: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

function hasFiles(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes("Files");
}

function Pane() {
  const value = React.useContext(PaneContext)!;
  const { state, tr, controller } = value;
  const styles = useStyles();
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const settingsId = "bpr-settings";
  const fileMode = state.mode === "file";

  const dragProps = fileMode
    ? {
        onDragOver: (e: React.DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          if (!dragging) setDragging(true);
        },
        onDragLeave: (e: React.DragEvent) => {
          if (e.currentTarget === e.target) setDragging(false);
        },
        onDrop: (e: React.DragEvent) => {
          e.preventDefault();
          setDragging(false);
          const files = Array.from(e.dataTransfer?.files ?? []);
          if (files.length) void controller.addFiles(files);
        },
      }
    : {};

  return (
    <main className={mergeClasses(styles.main, dragging && styles.dragging)} data-host-mode={state.mode} data-host={state.hostKind} aria-busy={state.busy !== null} {...dragProps}>
      <Header />
      <Actions settingsOpen={settingsOpen} onToggleSettings={() => setSettingsOpen(!settingsOpen)} settingsId={settingsId} dragging={dragging} />
      {settingsOpen ? <SettingsPanel id={settingsId} /> : null}
      <Progress />
      <Notices />
      <Sources />
      <EmptyState />
      <ResultHeader />
      <ProjectsTable />
      <Findings />
      {fileMode ? <p className={styles.privacy}>{tr("ui.privacy")}</p> : null}
    </main>
  );
}

export function App({ controller }: { controller: PaneController }) {
  const value = usePaneValue(controller);
  const styles = useStyles();
  const htmlLang = value.lang === "en" ? "en" : "zh-CN";
  // The document's language follows the pane's (screen readers, hyphenation, fonts).
  React.useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = htmlLang;
  }, [htmlLang]);
  return (
    <FluentProvider theme={paneTheme} className={styles.provider} lang={value.lang === "en" ? "en" : "zh-CN"}>
      <PaneContext.Provider value={value}>
        <Pane />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

/** The pane before the mode is known (office.js still starting). */
export function Loading({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={paneTheme} className={styles.provider}>
      <main className={styles.main} data-host-mode="loading" aria-busy>
        <p>{text}</p>
      </main>
    </FluentProvider>
  );
}
