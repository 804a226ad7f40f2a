/**
 * zod without its JIT: zod 4 probes `new Function("")` to decide whether it may compile validators, and under the
 * pane's CSP (no 'unsafe-eval') that probe — though caught — is reported as a security policy violation. Imported
 * first by every lazily loaded chunk that reaches the engine's zod schemas.
 */
import { z } from "zod";

z.config({ jitless: true });
