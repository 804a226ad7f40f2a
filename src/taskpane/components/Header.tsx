/** Title, where the pane works (this Excel workbook / files in this browser), and the language switch. */
import * as React from "react";
import { Button, Caption1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import { usePane } from "./context";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0, flex: "1 1 160px" },
  title: { margin: 0, overflowWrap: "anywhere" },
  mode: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export function Header() {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const other = state.lang === "zh" ? "en" : "zh";
  const wps = state.hostKind === "wps";
  const modeText =
    state.mode === "excel"
      ? state.hostFile
        ? tr(wps ? "ui.mode.wpsFile" : "ui.mode.excelFile", { file: state.hostFile })
        : tr(wps ? "ui.mode.wps" : "ui.mode.excel")
      : tr("ui.mode.file");
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {tr("ui.title")}
        </Title3>
        <Caption1 className={styles.mode} data-testid="mode">
          {modeText}
        </Caption1>
      </div>
      <Button
        appearance="subtle"
        size="small"
        icon={<LocalLanguageRegular />}
        aria-label={tr("ui.lang.switchLabel")}
        lang={other === "en" ? "en" : "zh-CN"}
        onClick={() => controller.setLang(other)}
      >
        {tr("ui.lang.switch")}
      </Button>
    </header>
  );
}
