/**
 * The buttons. Excel: 检查当前工作簿 (primary), 写入评价汇总, 插入空白模板, 导入其他工作簿. File mode: the drop zone
 * with 选择文件, 下载评价结果, 下载空白模板. Both: 设置. A hidden file input serves 选择文件 and 导入其他工作簿.
 */
import * as React from "react";
import { Button, Caption1, Checkbox, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  DocumentCheckmarkRegular,
  DocumentTextRegular,
  FolderOpenRegular,
  SettingsRegular,
  TableAddRegular,
  TableEditRegular,
} from "@fluentui/react-icons";
import { usePane } from "./context";

const useStyles = makeStyles({
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  primary: { width: "100%" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // A label never breaks inside a word (导入其他工作簿 stays whole): buttons take the width their label needs
  // and wrap as whole buttons.
  grow: { flex: "1 1 auto", minWidth: "max-content", whiteSpace: "nowrap", overflowWrap: "normal", wordBreak: "keep-all" },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground2 },
  hidden: { display: "none" },
});

export interface ActionsProps {
  settingsOpen: boolean;
  onToggleSettings: () => void;
  settingsId: string;
  dragging: boolean;
}

export function Actions({ settingsOpen, onToggleSettings, settingsId, dragging }: ActionsProps) {
  const { state, tr, controller } = usePane();
  const [zipCopies, setZipCopies] = React.useState(true);
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const busy = state.busy !== null;
  const pick = () => input.current?.click();
  const onFiles = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = e.target.files ? Array.from(e.target.files) : [];
    e.target.value = "";
    if (files.length) void controller.addFiles(files);
  };
  const fileInput = (
    <input
      ref={input}
      type="file"
      multiple
      accept=".xlsx,.xlsm,.xls,.et,.ods,.xlsb,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,application/vnd.ms-excel.sheet.binary.macroEnabled.12"
      className={styles.hidden}
      aria-label={state.mode === "excel" ? tr("ui.action.import") : tr("ui.action.chooseFiles")}
      data-testid="file-input"
      onChange={onFiles}
      tabIndex={-1}
    />
  );
  // 评价报告（Word）: one control, in both modes, once there is a report.
  const reportButton = (
    <Button
      className={styles.grow}
      icon={<DocumentTextRegular />}
      disabled={busy || state.report === null}
      title={tr("ui.action.reportHint")}
      onClick={() => void controller.downloadReport()}
    >
      {tr("ui.action.report")}
    </Button>
  );
  const settingsButton = (
    <Button
      className={styles.grow}
      icon={<SettingsRegular />}
      aria-expanded={settingsOpen}
      aria-controls={settingsId}
      onClick={onToggleSettings}
    >
      {tr("ui.action.settings")}
    </Button>
  );

  if (state.mode === "excel") {
    return (
      <section className={styles.actions} aria-label={tr("ui.actions.label")}>
        <Button
          appearance="primary"
          size="large"
          className={styles.primary}
          icon={<DocumentCheckmarkRegular />}
          disabled={busy}
          onClick={() => void controller.checkWorkbook()}
        >
          {state.report ? tr("ui.action.recheck") : tr("ui.action.check")}
        </Button>
        <div className={styles.row}>
          <Button className={styles.grow} icon={<TableEditRegular />} disabled={busy} title={tr("ui.action.writeHint")} onClick={() => void controller.writeSummary()}>
            {tr("ui.action.write")}
          </Button>
          <Button className={styles.grow} icon={<TableAddRegular />} disabled={busy} title={tr("ui.action.templatesHint")} onClick={() => void controller.insertTemplates()}>
            {tr("ui.action.templates")}
          </Button>
          <Button className={styles.grow} icon={<FolderOpenRegular />} disabled={busy} title={tr("ui.action.importHint")} onClick={pick}>
            {tr("ui.action.import")}
          </Button>
          {reportButton}
          {settingsButton}
        </div>
        {fileInput}
      </section>
    );
  }

  const canDownload = !busy && state.report !== null && state.sources.some((s) => s.error === null);
  // Several files: a zip of each file's reviewed copy plus the results workbook, or the results workbook alone.
  const several = state.sources.filter((s) => s.error === null).length > 1;
  return (
    <section className={styles.actions} aria-label={tr("ui.actions.label")}>
      <div className={mergeClasses(styles.drop, dragging && styles.dropActive)} data-testid="drop-zone">
        <span>{tr("ui.drop.title")}</span>
        <Button appearance="primary" icon={<FolderOpenRegular />} disabled={busy} onClick={pick}>
          {tr("ui.action.chooseFiles")}
        </Button>
        <Caption1 className={styles.hint}>{tr("ui.drop.hint")}</Caption1>
      </div>
      <div className={styles.row}>
        <Button
          className={styles.grow}
          appearance={canDownload ? "primary" : "secondary"}
          icon={<ArrowDownloadRegular />}
          disabled={!canDownload}
          onClick={() => void controller.downloadReviewed(several && !zipCopies ? "results" : "copies")}
        >
          {tr("ui.action.download")}
        </Button>
        {several && (
          <Checkbox checked={zipCopies} disabled={busy} label={tr("ui.download.zipCopies")} onChange={(_e, d) => setZipCopies(d.checked === true)} />
        )}
        <Button className={styles.grow} icon={<TableAddRegular />} disabled={busy} title={tr("ui.action.downloadTemplatesHint")} onClick={() => void controller.insertTemplates()}>
          {tr("ui.action.downloadTemplates")}
        </Button>
        {reportButton}
        {settingsButton}
      </div>
      {fileInput}
    </section>
  );
}
