/**
 * 设置 → 抽查 (issue 16): draw the spot-check sample from the checked self-assessments and download the 抽查名单
 * (with its seed and 抽样说明). The drawing itself is the engine's (engine/sample); the seed used is shown so the
 * draw can be repeated, on the pane or with `bpr sample --seed`.
 */
import * as React from "react";
import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "./context";
import type { SampleResult, Strata } from "../../engine/sample";

const STRATA: readonly Strata[] = ["grade", "department", "amount"];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  field: { flex: "1 1 100px", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function SampleSection() {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const [rate, setRate] = React.useState("20");
  const [strata, setStrata] = React.useState<Strata>("grade");
  const [minPer, setMinPer] = React.useState("1");
  const [seed, setSeed] = React.useState("");
  const [result, setResult] = React.useState<SampleResult | null>(null);
  const rateOk = /^\d+(\.\d+)?$/.test(rate.trim()) && Number(rate) > 0 && Number(rate) <= 100;
  const seedOk = seed.trim() === "" || (/^\d+$/.test(seed.trim()) && Number(seed) < 2 ** 32);
  const ready = state.report !== null && rateOk && seedOk;

  const draw = async () => {
    const s = await controller.downloadSampleList({
      rate: Number(rate) / 100,
      seed: seed.trim() === "" ? Math.floor(Math.random() * 2 ** 31) : Number(seed),
      strata,
      minPerDepartment: Math.max(0, Math.floor(Number(minPer) || 0)),
    });
    if (s) {
      setResult(s);
      setSeed(String(s.seed));
    }
  };

  return (
    <section className={styles.section} aria-labelledby="sample-title" data-testid="sample">
      <h3 id="sample-title" className={styles.heading}>
        {tr("ui.sample.title")}
      </h3>
      <div className={styles.row}>
        <Field className={styles.field} label={tr("ui.sample.rate")} validationState={rateOk ? "none" : "error"} validationMessage={rateOk ? undefined : tr("ui.sample.invalid")}>
          <Input type="number" min={1} max={100} value={rate} onChange={(_e, d) => setRate(d.value)} data-testid="sample-rate" />
        </Field>
        <Field className={styles.field} label={tr("ui.sample.strata")}>
          <Select value={strata} onChange={(_e, d) => setStrata(d.value as Strata)} data-testid="sample-strata">
            {STRATA.map((k) => (
              <option key={k} value={k}>
                {tr(`ui.sample.strata.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field className={styles.field} label={tr("ui.sample.minPerDepartment")}>
          <Input type="number" min={0} value={minPer} onChange={(_e, d) => setMinPer(d.value)} data-testid="sample-min" />
        </Field>
        <Field className={styles.field} label={tr("ui.sample.seed")} validationState={seedOk ? "none" : "error"}>
          <Input inputMode="numeric" value={seed} onChange={(_e, d) => setSeed(d.value)} data-testid="sample-seed" />
        </Field>
      </div>
      <Button appearance="secondary" disabled={!ready} onClick={() => void draw()} data-testid="sample-draw">
        {tr("ui.sample.draw")}
      </Button>
      {result ? (
        <Button appearance="secondary" onClick={() => void controller.downloadReviewForms(result.picks.map((p) => p.project.id))} data-testid="sample-forms">
          {tr("ui.sample.forms")}
        </Button>
      ) : null}
      {result ? (
        <Caption1 data-testid="sample-result">
          {tr("ui.sample.result", {
            seed: result.seed,
            population: result.population,
            sampled: result.picks.length,
            strata: result.counts.map((c) => `${c.stratum} ${c.sampled}/${c.population}`).join("，"),
          })}
        </Caption1>
      ) : null}
      <Caption1 className={styles.hint}>{state.report ? tr("ui.sample.hint") : tr("ui.sample.noReport")}</Caption1>
    </section>
  );
}
