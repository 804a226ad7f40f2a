/**
 * The rule registry: every rule of SPEC §5, one module each (src/engine/rules/<id>.ts), with its table
 * test in test/unit/rules/<id>.test.ts. Rule ids are a public contract: never rename one.
 */
import type { Rule } from "./types";
import { rule as templateUnrecognized } from "./template/unrecognized";
import { rule as templateMissingField } from "./template/missing-field";
// -- category / target / actual / reason rules --
// -- weight / score / budget rules --
// -- goal / spotcheck rules --

export const RULES: readonly Rule[] = [
  templateUnrecognized,
  templateMissingField,
  // -- category / target / actual / reason rules --
  // -- weight / score / budget rules --
  // -- goal / spotcheck rules --
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
