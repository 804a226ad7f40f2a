/**
 * Scoring settings: profile (national / hubei / sichuan) and the spot-check gap thresholds. Kept in the
 * workbook's document settings in Excel, in this browser in file mode. A change re-checks what was read.
 */
import * as React from "react";
import { Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "./context";
import { isValidThreshold, PROFILE_NAMES, type ProfileName } from "../settings";
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
});

export function SettingsPanel({ id }: { id: string }) {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const [gap, setGap] = React.useState(String(state.settings.gap));
  const [severe, setSevere] = React.useState(String(state.settings.severeGap));
  // Follow settings loaded or changed elsewhere.
  React.useEffect(() => setGap(String(state.settings.gap)), [state.settings.gap]);
  React.useEffect(() => setSevere(String(state.settings.severeGap)), [state.settings.severeGap]);

  const gapOk = isValidThreshold(gap);
  const severeOk = isValidThreshold(severe) && (!gapOk || Number(severe) >= Number(gap));
  const commit = (g: string, s: string) => {
    if (isValidThreshold(g) && isValidThreshold(s) && Number(s) >= Number(g)) {
      if (Number(g) !== state.settings.gap || Number(s) !== state.settings.severeGap) {
        void controller.setSettings({ gap: Number(g), severeGap: Number(s) });
      }
    }
  };
  const where = state.settingsWhere === "document" ? tr("ui.settings.savedDoc") : state.settingsWhere === "browser" ? tr("ui.settings.savedLocal") : tr("ui.settings.savedNone");

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
        </Select>
      </Field>
      <div className={styles.row}>
        <ThresholdField
          className={styles.field}
          label={tr("ui.settings.gap")}
          invalid={gapOk ? null : tr("ui.settings.invalid")}
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
          invalid={severeOk ? null : tr("ui.settings.invalidSevere")}
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
