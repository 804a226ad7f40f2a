/**
 * Scoring settings: the profile (national / hubei / sichuan, or a county's own JSON profile imported from a file)
 * and the spot-check gap thresholds. Kept in the workbook's document settings in Excel, in this browser in file
 * mode. A change re-checks what was read. An imported profile is validated by the CLI's loader and its problems
 * are listed in the CLI's words; the thresholds by engine/thresholds.ts, with the CLI's message.
 */
import * as React from "react";
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { usePane } from "./context";
import { thresholdProblem } from "../../engine/thresholds";
import { PROFILE_NAMES, type ProfileName } from "../settings";
import { SampleSection } from "./SampleSection";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  field: { flex: "1 1 120px", minWidth: 0 },
  where: { color: tokens.colorNeutralForeground2 },
  importButton: { alignSelf: "flex-start", whiteSpace: "nowrap" },
  problems: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontFamily: tokens.fontFamilyBase },
  hidden: { display: "none" },
});

export function SettingsPanel({ id }: { id: string }) {
  const { state, tr, controller, lang } = usePane();
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [gap, setGap] = React.useState(String(state.settings.gap));
  const [severe, setSevere] = React.useState(String(state.settings.severeGap));
  // Follow settings loaded or changed elsewhere.
  React.useEffect(() => setGap(String(state.settings.gap)), [state.settings.gap]);
  React.useEffect(() => setSevere(String(state.settings.severeGap)), [state.settings.severeGap]);

  const problem = thresholdProblem(gap, severe);
  const message = (field: "gap" | "severeGap") => (problem && problem.field === field ? tr(problem.key, problem.params) : null);
  const commit = (g: string, s: string) => {
    if (thresholdProblem(g, s)) return;
    if (Number(g) !== state.settings.gap || Number(s) !== state.settings.severeGap) void controller.setSettings({ gap: Number(g), severeGap: Number(s) });
  };
  const where = state.settingsWhere === "document" ? tr("ui.settings.savedDoc") : state.settingsWhere === "browser" ? tr("ui.settings.savedLocal") : tr("ui.settings.savedNone");
  const custom = state.settings.custom;
  const onProfileFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) void controller.importProfile(file);
  };

  return (
    <section id={id} className={styles.panel} aria-labelledby={`${id}-title`} data-testid="settings">
      <h2 id={`${id}-title`} className={styles.heading}>
        {tr("ui.settings.title")}
      </h2>
      <Field label={tr("ui.settings.profile")}>
        <Select
          value={state.settings.profile}
          onChange={(_e, data) => void controller.setSettings({ profile: data.value as ProfileName })}
          data-testid="profile"
        >
          {PROFILE_NAMES.map((p) => (
            <option key={p} value={p}>
              {tr(`ui.settings.profile.${p}`)}
            </option>
          ))}
          {custom ? <option value="custom">{tr("ui.settings.profile.custom", { name: custom.source })}</option> : null}
        </Select>
      </Field>
      <Button
        className={styles.importButton}
        size="small"
        icon={<DocumentArrowUpRegular />}
        title={tr("ui.settings.importProfileHint")}
        disabled={state.busy !== null}
        data-testid="import-profile"
        onClick={() => fileInput.current?.click()}
      >
        {tr("ui.settings.importProfile")}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className={styles.hidden}
        tabIndex={-1}
        aria-label={tr("ui.settings.importProfile")}
        data-testid="profile-input"
        onChange={onProfileFile}
      />
      {state.profileError ? (
        <MessageBar intent="error" layout="multiline" data-testid="profile-error">
          <MessageBarBody>
            <MessageBarTitle>{tr("ui.settings.profileInvalid")}</MessageBarTitle>
            <div className={styles.problems}>{lang === "en" ? state.profileError.en : state.profileError.zh}</div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <ThresholdField
          className={styles.field}
          label={tr("ui.settings.gap")}
          invalid={message("gap")}
          value={gap}
          onChange={(v) => {
            setGap(v);
            commit(v, severe);
          }}
          testId="gap"
        />
        <ThresholdField
          className={styles.field}
          label={tr("ui.settings.severeGap")}
          invalid={message("severeGap")}
          value={severe}
          onChange={(v) => {
            setSevere(v);
            commit(gap, v);
          }}
          testId="severe-gap"
        />
      </div>
      <Caption1 className={styles.where}>
        {tr("ui.settings.gapHint")} {where}
      </Caption1>
      <SampleSection />
    </section>
  );
}

/** A spot-check threshold in points (0–100), with its validation message. */
function ThresholdField(props: {
  className: string;
  label: string;
  invalid: string | null;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <Field
      className={props.className}
      label={props.label}
      validationState={props.invalid ? "error" : "none"}
      validationMessage={props.invalid ?? undefined}
    >
      <Input
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step={1}
        value={props.value}
        onChange={(_e, data) => props.onChange(data.value)}
        data-testid={props.testId}
      />
    </Field>
  );
}
