/**
 * The engine as the task pane uses it, loaded lazily (`import("./engine-chunk")`) so the first paint carries
 * only React, Fluent UI and the pane itself; the engine (and zod) arrive while the user reads the pane.
 */
import "./zod-config";
export { check } from "../engine";
export { readWorkbook } from "../engine/read";
export { getProfile } from "../engine/profiles/builtin";
export { planSheets } from "../engine/summary";
export { blankTemplates } from "../engine/templates";
export { loadProfile } from "../engine/profiles";
export { profileErrorText } from "../engine/profiles/builtin";
export { profileFor, vocabularyFor } from "./check-profile";
export { cellRow } from "../engine/cell-row";
