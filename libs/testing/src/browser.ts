import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { REPO_ROOT } from './repo-root';

/** Debian's chromium (installed by deploy/local/browser.sh), or CHROMIUM_PATH. */
export function chromiumExecutable(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`no Chromium at ${path}: run deploy/local/browser.sh install (or set CHROMIUM_PATH)`);
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    // In containers and as root, Chromium's own sandbox cannot start; the test pages are our own.
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}

/** Where a browser test writes the screenshots of each step (kept as CI artifacts). */
export function screenshotPath(test: string, step: string): string {
  const dir = join(REPO_ROOT, 'test-artifacts', 'screenshots', test);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${step}.png`);
}
