/**
 * The label index: the vocabulary (vocabulary.ts) turned into look-ups from a normalised label key to its role,
 * and the one place of the reader that caches. One LabelIndex per vocabulary (the built-in one, or one extended
 * by a profile), so every answer it remembers is keyed by what determines it: the label text and the vocabulary.
 */
import { BoundedCache } from "../cache";
import { type Level1Key, type Level2Key, LEVEL2_PARENT } from "../model";
import { labelKey, toHalfWidth } from "./normalise";
import {
  BLOCK_MARKERS,
  type BudgetColumn,
  type FieldName,
  FOOTER_PREFIXES,
  type IndicatorColumn,
  PLACEHOLDER_NAME,
  PREAMBLE_LINES,
  type SpotCheckColumn,
  SUBTOTAL_LABELS,
} from "./synonyms";
import { BUILTIN_VOCABULARY, CONNECTORS, extendVocabulary, type Family, type RoleTable, type Vocabulary, type VocabularyExtension } from "./vocabulary";

/** Labels longer than this are content, never matched by a family. */
const MAX_FAMILY_KEY = 30;

interface CompiledFamily<R> {
  role: R;
  heads: readonly string[];
  requires: readonly string[];
  excludes: readonly string[];
  /** Every word the rest of a label may be made of. */
  words: readonly string[];
}

/** `s` is made of `words` end to end (or empty). */
function segmentable(s: string, words: readonly string[]): boolean {
  if (s === "") return true;
  const ok: boolean[] = new Array(s.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < s.length; i++) {
    if (!ok[i]) continue;
    for (const w of words) if (s.startsWith(w, i)) ok[i + w.length] = true;
  }
  return ok[s.length];
}

/** The length of the head by which `key` belongs to the family, 0 when it does not. */
function familyMatch(key: string, f: CompiledFamily<unknown>): number {
  for (const x of f.excludes) if (key.includes(x)) return 0;
  if (f.requires.length && !f.requires.some((x) => key.includes(x))) return 0;
  for (const head of f.heads) {
    for (let i = key.indexOf(head); i >= 0; i = key.indexOf(head, i + 1)) {
      if (segmentable(key.slice(0, i), f.words) && segmentable(key.slice(i + head.length), f.words)) return head.length;
    }
  }
  return 0;
}

/** Look-up from label key to role for one RoleTable: exact labels first, then the most specific family. */
export class RoleIndex<R extends string> {
  private readonly exact = new Map<string, R>();
  private readonly families: CompiledFamily<R>[] = [];
  private readonly answers = new BoundedCache<string, R | null>(20_000, false);

  constructor(table: RoleTable<R>) {
    for (const role of Object.keys(table.labels) as R[]) {
      for (const label of table.labels[role]) {
        const key = labelKey(label).key;
        if (key && !this.exact.has(key)) this.exact.set(key, role);
      }
    }
    for (const role of Object.keys(table.families) as R[]) {
      for (const f of (table.families[role] ?? []) as readonly Family[]) {
        const heads = [...f.heads].sort((a, b) => b.length - a.length);
        const requires = f.requires ?? [];
        this.families.push({ role, heads, requires, excludes: f.excludes ?? [], words: [...(f.mods ?? []), ...requires, ...heads, ...CONNECTORS] });
      }
    }
  }

  get(key: string): R | undefined {
    const hit = this.exact.get(key);
    if (hit !== undefined) return hit;
    if (key.length < 2 || key.length > MAX_FAMILY_KEY || this.families.length === 0) return undefined;
    let r = this.answers.get(key);
    if (r === undefined) r = this.answers.set(key, this.matchFamilies(key));
    return r ?? undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The key is one of the table's own labels (not only a family member). */
  isExact(key: string): boolean {
    return this.exact.has(key);
  }

  private matchFamilies(key: string): R | null {
    let best: R | null = null;
    let bestLen = 0;
    for (const f of this.families) {
      const n = familyMatch(key, f);
      if (n > bestLen) {
        best = f.role;
        bestLen = n;
      }
    }
    return best;
  }
}

/** A bit per header index (SheetReader's per-row summary of which indexes name a role in a row). */
export const INDICATOR_BIT = 1;
export const LIST_BIT = 2;
export const BUDGET_BIT = 4;

/**
 * What a label text says, wherever it stands: its key and bracketed numbers (labelKey), the bits of the header
 * indexes that give its key a role, the field its key names, and the "field：value" pairs written in it.
 */
export interface LabelInfo {
  key: string;
  numbers: readonly number[];
  bits: number;
  field: FieldName | undefined;
  /** isAnyLabel(key), worked out on first use. */
  any?: boolean;
  /** inlineFields(text) when the text holds a colon (else empty), worked out on first use. */
  inline?: readonly { field: FieldName; value: string }[];
}

export class LabelIndex {
  readonly fields: RoleIndex<FieldName>;
  readonly indicator: RoleIndex<IndicatorColumn>;
  readonly budget: RoleIndex<BudgetColumn>;
  readonly list: RoleIndex<SpotCheckColumn>;
  private readonly level1Index: RoleIndex<Level1Key>;
  private readonly level2Index: RoleIndex<Level2Key>;
  private readonly totals: RoleIndex<"total">;
  private readonly budgetRows: RoleIndex<"total" | "sub">;
  private readonly ignored: Set<string>;
  private readonly infos = new BoundedCache<string, LabelInfo>(20_000, false);
  private readonly joined = new BoundedCache<string, string>(20_000, false);
  private readonly preambles = new BoundedCache<string, boolean>(20_000, false);

  constructor(readonly vocabulary: Vocabulary) {
    this.fields = new RoleIndex(vocabulary.fields);
    this.indicator = new RoleIndex(vocabulary.indicator);
    this.budget = new RoleIndex(vocabulary.budget);
    this.list = new RoleIndex(vocabulary.list);
    this.level1Index = new RoleIndex(vocabulary.level1);
    this.level2Index = new RoleIndex(vocabulary.level2);
    this.totals = new RoleIndex(vocabulary.totals);
    this.budgetRows = new RoleIndex(vocabulary.budgetRows);
    this.ignored = new Set(vocabulary.ignored);
  }

  info(text: string): LabelInfo {
    let info = this.infos.get(text);
    if (info === undefined) {
      const k = labelKey(text);
      let bits = 0;
      if (this.indicator.has(k.key)) bits |= INDICATOR_BIT;
      if (this.list.has(k.key)) bits |= LIST_BIT;
      if (this.budget.has(k.key)) bits |= BUDGET_BIT;
      info = this.infos.set(text, { key: k.key, numbers: k.numbers, bits, field: this.fields.get(k.key) });
    }
    return info;
  }

  /** labelKey(upper + lower).key (two-row headers and the rows probed for them repeat). */
  joinedKey(upper: string, lower: string): string {
    const id = `${upper}\u0000${lower}`;
    let key = this.joined.get(id);
    if (key === undefined) key = this.joined.set(id, labelKey(upper + lower).key);
    return key;
  }

  isPreamble(text: string): boolean {
    let hit = this.preambles.get(text);
    if (hit === undefined) {
      const t = toHalfWidth(text).replace(/\s+/g, "");
      hit = this.preambles.set(text, PREAMBLE_LINES.some((re) => re.test(t)));
    }
    return hit;
  }

  /**
   * The key names a field or a role of any header, or a total row, or is shaped like a form's label ("项目类型",
   * "项目负责人", "财政处室": a short text ending in a label word), so it is never taken as a field's value.
   */
  isAnyLabel(key: string): boolean {
    return (
      this.fields.has(key) ||
      this.indicator.has(key) ||
      this.budget.has(key) ||
      this.isTotalRow(key) ||
      this.budgetRows.get(key) === "total" ||
      this.list.has(key) ||
      (key.length <= 8 && LABEL_ENDINGS.test(key))
    );
  }

  isTotalRow(key: string): boolean {
    return this.totals.has(key);
  }

  /** A budget row label: the total ("年度资金总额"), a sub-row ("其中：财政拨款", "上年结转资金"), or neither. */
  budgetRow(key: string): "total" | "sub" | null {
    const sub = key.startsWith("其中");
    const k = sub ? key.replace(/^其中[:：]?/, "") : key;
    const kind = this.budgetRows.get(k);
    if (kind === "total" && !sub) return "total";
    if (sub || kind === "sub") return "sub";
    return null;
  }

  isFooter(key: string): boolean {
    return ROW_KINDS.isFooter(key);
  }

  isIgnoredColumn(key: string): boolean {
    return this.ignored.has(key);
  }

  level1(key: string): Level1Key | null {
    return this.level1Index.get(key) ?? null;
  }

  level2(key: string): Level2Key | null {
    return this.level2Index.get(key) ?? (key.endsWith("指标") ? null : (this.level2Index.get(`${key}指标`) ?? null));
  }

  /**
   * A category label wherever it stands: its 一级 key, and its 二级 key when it names one ("数量指标" standing in
   * the 一级 column is 产出 / 数量). Null when it names no category.
   */
  category(key: string): { level1: Level1Key; level2: Level2Key | null } | null {
    const l1 = this.level1(key);
    if (l1 !== null) {
      // "满意度指标" is its own 二级 too; "成本指标" (a 2021 一级) is not 产出's 成本 二级.
      const l2 = this.level2(key);
      return { level1: l1, level2: l2 !== null && LEVEL2_PARENT[l2] === l1 ? l2 : null };
    }
    const l2 = this.level2(key);
    return l2 !== null ? { level1: LEVEL2_PARENT[l2], level2: l2 } : null;
  }
}

/** Words a form's labels end with (a text of up to 8 characters ending so is a label, not a value). */
const LABEL_ENDINGS = /(类型|类别|负责人|联系人|处室|电话|代码|编码|日期|属性|期限)$/;

/** Footer prefixes as label keys ("说明:" → "说明"), and those that end a block wherever they stand (a colon). */
const FOOTER_KEYS = FOOTER_PREFIXES.map((p) => p.replace(":", ""));
const FOOTER_COLON_KEYS = FOOTER_PREFIXES.filter((p) => p.endsWith(":")).map((p) => p.replace(":", ""));
const SUBTOTALS = new Set(SUBTOTAL_LABELS);
/** Characters every subtotal label holds: a text without them is no subtotal (most indicator cells). */
const SUBTOTAL_CHARS = [...SUBTOTAL_LABELS[0]].filter((ch) => SUBTOTAL_LABELS.every((l) => l.includes(ch)));

/** Row kinds that do not depend on a profile: footers, subtotals, placeholders, block markers. */
export const ROW_KINDS = {
  /** A signature or note line ("填表人：…", "联系电话"). */
  isFooter(key: string): boolean {
    return FOOTER_KEYS.some((p) => key.startsWith(p));
  },
  /** A note line that ends a block wherever it stands ("说明：…", "注：…"). */
  isColonFooter(key: string): boolean {
    return FOOTER_COLON_KEYS.some((p) => key.startsWith(p));
  },
  /** "小计": a category's weight, no indicator. */
  isSubtotal(text: string | null): boolean {
    return text !== null && SUBTOTAL_CHARS.every((ch) => text.includes(ch)) && SUBTOTALS.has(labelKey(text).key);
  },
  /** An empty slot of a blank template: "指标1：", "……", "/" (already no value), "1". */
  isPlaceholderName(name: string): boolean {
    return PLACEHOLDER_NAME.test(name.replace(/\s+/g, ""));
  },
  blockMarker(key: string): "annual" | "midterm" | null {
    return BLOCK_MARKERS.find((m) => m.re.test(key))?.block ?? null;
  },
};

const INDEXES = new BoundedCache<string, LabelIndex>(16);
const BUILTIN = new LabelIndex(BUILTIN_VOCABULARY);

/** The label index of the built-in vocabulary extended by a profile's (the built-in one when there is none). */
export function labelIndexFor(ext?: VocabularyExtension | null): LabelIndex {
  if (!ext || Object.keys(ext).length === 0) return BUILTIN;
  const id = JSON.stringify(ext);
  return INDEXES.getOr(id, () => new LabelIndex(extendVocabulary(ext)));
}

export const BUILTIN_INDEX = BUILTIN;
