/** `bpr check --format table`: a readable table per project, findings grouped under it (errors first). */
import type { Finding, Indicator, Project, Report } from "../engine/model";
import { type Lang, type MessageKey, t } from "../i18n";
import { amount, compact, percent } from "../engine/summary/format";

/** A counted noun: the catalogue's "one|other" forms (English), or the one form (Chinese). */
function counted(lang: Lang, key: MessageKey, n: number): string {
  const forms = t(lang, key, { n }).split("|");
  return n === 1 || forms.length === 1 ? forms[0] : forms[1];
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(s: string, width: number, right = false): string {
  const c = clip(s, width);
  const fill = " ".repeat(Math.max(0, width - displayWidth(c)));
  return right ? fill + c : c + fill;
}

/** Render rows as aligned columns (numeric columns right-aligned). */
export function renderColumns(header: string[], rows: string[][], maxWidths: number[], numeric: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), Math.min(maxWidths[i], Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ""))))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? "", widths[i], numeric[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
}

/** Scores: up to two decimals ("14.2", "9.78", "10"); amounts in 万元 and rates with two (summary/format.ts). */
const n2 = compact;
const money = amount;
const pct = percent;

function indicatorRow(ind: Indicator): string[] {
  return [
    ind.level1Label ?? "",
    ind.level2Label ?? "",
    ind.name,
    ind.target.raw || "—",
    ind.actual ? ind.actual.raw || "—" : "",
    n2(ind.weight),
    n2(ind.score),
    n2(ind.computedScore),
  ];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The first run of whitespace before a "(" becomes one space: what .replace(/\s+\(/, " (") does, in linear time
 * (the regex scans a long run of spaces in a message, e.g. from a name cell, from each of its characters).
 */
export function oneSpaceBeforeParen(s: string): string {
  for (let i = s.indexOf("("); i >= 0; i = s.indexOf("(", i + 1)) {
    let start = i;
    while (start > 0 && /\s/.test(s[start - 1])) start--;
    if (start < i) return `${s.slice(0, start)} (${s.slice(i + 1)}`;
  }
  return s;
}

function findingLines(findings: Finding[], lang: Lang, indent = "  "): string[] {
  return [...findings]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .map((f) => oneSpaceBeforeParen(`${indent}[${t(lang, `severity.${f.severity}`)}] ${f.cell ?? ""} ${f.message}  (${f.rule})`));
}

function projectBlock(p: Project, findings: Finding[], lang: Lang): string[] {
  const out: string[] = [];
  const who = [p.department, p.unit].filter(Boolean).join(" / ");
  const code = p.code ? `${p.code} ` : "";
  out.push(`■ ${code}${p.name}${who ? `（${who}）` : ""}`);
  out.push(`  ${t(lang, `table.template.${p.template}`)} · ${p.location.file} · ${p.location.sheet}${p.year ? ` · ${p.year}` : ""}`);
  if (p.template === "goal") {
    if (p.budget?.adjusted != null) out.push(`  ${t(lang, "table.goalFunds", { adjusted: money(p.budget.adjusted) })}`);
    const rows = p.indicators.map((i) => [i.block ? t(lang, `table.block.${i.block}`) : "", i.level1Label ?? "", i.level2Label ?? "", i.name, i.target.raw || "—"]);
    out.push(...renderColumns(t(lang, "table.goalColumns").split("|"), rows, [6, 14, 18, 24, 18], [false, false, false, false, false]).map((l) => `  ${l}`));
  } else {
    const b = p.budget;
    if (b) {
      out.push(
        `  ${t(lang, "table.budget", { adjusted: money(b.adjusted ?? b.initial), executed: money(b.executed), rate: pct(b.rate), score: n2(b.computedScore ?? b.score), weight: n2(b.weight) })}`,
      );
    }
    const grade = p.grade ?? p.computedGrade ?? "—";
    // 自评得分 is a stated 总分; a form that states none (no score columns, or the total left blank) has only the
    // computed score, labelled as such.
    out.push(
      p.statedTotal === null
        ? `  ${t(lang, "table.scoresComputed", { computed: n2(p.computedScore), grade })}`
        : `  ${t(lang, "table.scores", { self: n2(p.statedTotal), computed: n2(p.computedScore), grade })}`,
    );
    if (p.review) {
      const gap = p.review.gap === null ? "—" : `${p.review.gap > 0 ? "+" : ""}${n2(p.review.gap)}`;
      const final = p.review.grade && p.review.grade !== (p.grade ?? p.computedGrade) ? `；${t(lang, "table.finalGrade", { grade: p.review.grade })}` : "";
      out.push(`  ${t(lang, "table.review", { score: n2(p.review.score), gap, grade: p.review.grade ?? "—" })}${lang === "en" ? final.replace("；", "; ") : final}`);
    }
    out.push(
      ...renderColumns(t(lang, "table.columns").split("|"), p.indicators.map(indicatorRow), [12, 16, 24, 18, 18, 6, 6, 6], [false, false, false, false, false, true, true, true]).map(
        (l) => `  ${l}`,
      ),
    );
  }
  if (findings.length) {
    out.push(`  ${t(lang, "table.findings", { count: findings.length })}`);
    out.push(...findingLines(findings, lang, "    "));
  } else out.push(`  ${t(lang, "table.noFindings")}`);
  return out;
}

export function renderTable(report: Report, lang: Lang): string {
  const out: string[] = [];
  const byProject = new Map<string, Finding[]>();
  const loose: Finding[] = [];
  for (const f of report.findings) {
    if (f.projectId) {
      const list = byProject.get(f.projectId) ?? [];
      list.push(f);
      byProject.set(f.projectId, list);
    } else if (f.rule !== "template/unrecognized") loose.push(f);
  }
  // Projects with errors first, then warnings, then the rest; stable otherwise.
  const rank = (p: Project) => {
    const fs = byProject.get(p.id) ?? [];
    return fs.some((f) => f.severity === "error") ? 0 : fs.some((f) => f.severity === "warning") ? 1 : 2;
  };
  const projects = report.projects.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
  for (const { p } of projects) {
    out.push(...projectBlock(p, byProject.get(p.id) ?? [], lang), "");
  }
  if (report.reviews.length) {
    const listRows = report.reviews.filter((r) => r.indicators.length === 0);
    if (listRows.length) {
      out.push(`■ ${t(lang, "table.reviews")}`);
      out.push(
        ...renderColumns(
          t(lang, "table.reviewColumns").split("|"),
          listRows.map((r) => [r.name, r.department ?? "", n2(r.selfScore), n2(r.score), r.grade ?? "—"]),
          [28, 16, 8, 8, 6],
          [false, false, true, true, false],
        ).map((l) => `  ${l}`),
        "",
      );
    }
  }
  if (loose.length) out.push(...findingLines(loose, lang, "  "), "");
  const skipped = report.sheets.filter((s) => s.kind === "unrecognized").map((s) => `${s.file}·${s.sheet}`);
  if (skipped.length) out.push(t(lang, "cli.skipped", { sheets: skipped.join("，") }));
  if (report.projects.length === 0 && report.reviews.length === 0) out.push(t(lang, "cli.noProjects"));
  out.push(summaryLine(report, lang));
  return out.join("\n");
}

/**
 * The closing line: every count names what it counts. Files; forms by kind (goal tables are counted, not graded);
 * self grades, grades after review when there was a review, forms without a grade; findings by level.
 */
export function summaryLine(report: Report, lang: Lang): string {
  const s = report.summary;
  const kinds = {
    "self-assessment": 0,
    "department-self-assessment": 0,
    goal: 0,
  };
  for (const p of report.projects) kinds[p.template]++;
  const zh = lang === "zh";
  const forms = [counted(lang, "cli.summary.sa", kinds["self-assessment"])];
  if (kinds["department-self-assessment"]) forms.push(counted(lang, "cli.summary.dept", kinds["department-self-assessment"]));
  if (kinds.goal) forms.push(counted(lang, "cli.summary.goal", kinds.goal));
  const groups = [forms.join(zh ? "、" : ", ")];
  const assessed = kinds["self-assessment"] + kinds["department-self-assessment"];
  if (assessed > 0) {
    groups.push(t(lang, "cli.summary.grades", s.byGrade));
    if (s.reviewed > 0 && s.byFinalGrade) groups.push(t(lang, "cli.summary.finalGrades", s.byFinalGrade));
    if (s.ungraded) groups.push(counted(lang, "cli.summary.ungraded", s.ungraded));
  }
  groups.push(
    [counted(lang, "cli.summary.errors", s.errors), counted(lang, "cli.summary.warnings", s.warnings), counted(lang, "cli.summary.infos", s.infos)].join(zh ? "，" : ", "),
  );
  return `${counted(lang, "cli.summary.files", s.files)}${zh ? "：" : ": "}${groups.join(zh ? "；" : "; ")}${zh ? "。" : "."}`;
}
