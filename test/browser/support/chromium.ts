/**
 * Debian's Chromium (/usr/bin/chromium, `apt-get install chromium`) driven by playwright-core, with a fresh
 * profile and no background traffic. Without it the browser tests are skipped with a warning — except in CI
 * (process.env.CI), where a missing browser is a failure.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = process.env.BPR_CHROMIUM || "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch (_e) {
    return false;
  }
}

/** describe, or describe.skip with a clear message when there is no Chromium (outside CI). */
export function describeWithChromium(name: string, fn: () => void): void {
  if (chromiumAvailable() || process.env.CI) {
    describe(name, fn);
    return;
  }
  console.warn(`Browser tests SKIPPED (${name}): no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set BPR_CHROMIUM; .ci/run always runs them.`);
  describe.skip(name, fn);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`No Chromium at ${CHROMIUM} (CI is set, so the browser tests must run): apt-get install chromium`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bpr-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
