/**
 * The host port now lives in the engine's terms (src/engine/host.ts); this module re-exports it so the Office.js
 * adapter and its callers keep their imports.
 */
export * from "../../engine/host";
