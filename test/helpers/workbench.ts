/**
 * The real server and Debian's Chromium for a browser test file: registers the `beforeAll` that
 * starts both (after checking the workbench is built) and the `afterAll` that stops them. Hooks a
 * file registers after this one run after it, so they may use `server` and `browser`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/api/server.js';
import { launchChromium } from './chromium.js';

const WEB_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

export interface Workbench {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts the server (port 0, silent) and Chromium around the file's tests.
 *
 * @example
 * const wb = useWorkbench();
 * it('renders', async () => { const page = await wb.browser.newPage(); await page.goto(wb.server.url); });
 */
export function useWorkbench(options: Parameters<typeof startServer>[0] = {}): Workbench {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) {
      throw new Error('web/dist/index.html is missing: build the workbench first with `npm run build:web`');
    }
    server = await startServer({ port: 0, log: null, ...options });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll: use it inside a test or a hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll: use it inside a test or a hook');
      return browser;
    },
  };
}

/**
 * Collects the page's errors and console errors into `problems` (a test then expects it empty);
 * console errors matching one of `expected()` are let through (the browser logs every 4xx).
 *
 * @example
 * const problems: string[] = []; watchProblems(page, problems);
 */
export function watchProblems(
  page: Page,
  problems: string[],
  expected: () => readonly RegExp[] = () => [],
): void {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected().some((re) => re.test(m.text()))) {
      problems.push(`console error: ${m.text()}`);
    }
  });
}
