import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_SRC = join(ROOT, 'web');
const WEB_INDEX = join(ROOT, 'dist/web/index.html');
const WEB_WIDGET = join(ROOT, 'dist/web/widget.js');
const LOCK_DIR = join(ROOT, 'dist/.web-build-lock');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless, with the flags that keep it quiet and offline.
 * `args` adds flags, e.g. `fakeMicrophoneArgs(wav)` for a call test.
 */
export function launchBrowser(options: { args?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.args ?? []),
    ],
  });
}

/**
 * Chromium flags for a fake microphone that plays `wavPath` once (then silence) and grants
 * microphone permission without a prompt. The file: RIFF WAV, 16-bit PCM (Chromium converts the
 * rate and channels to what the page's stream asks for).
 */
export function fakeMicrophoneArgs(wavPath: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}%noloop`,
    // Headless Chromium would otherwise wait for a user gesture before starting Web Audio.
    '--autoplay-policy=no-user-gesture-required',
  ];
}

/** A fresh, isolated context (own cookies) with an en-US browser locale and a desktop viewport. */
export async function newPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function webBuildIsFresh(): boolean {
  try {
    const newest = newestMtime(WEB_SRC);
    return statSync(WEB_INDEX).mtimeMs >= newest && statSync(WEB_WIDGET).mtimeMs >= newest;
  } catch {
    return false;
  }
}

/**
 * The server serves dist/web (the app and widget.js), so the browser tests need a build that matches web/.
 * Builds when missing or older than the sources; a lock directory keeps parallel test
 * files from building at the same time.
 */
export async function ensureWebBuilt(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!webBuildIsFresh()) {
    let locked = false;
    try {
      mkdirSync(join(ROOT, 'dist'), { recursive: true });
      mkdirSync(LOCK_DIR);
      locked = true;
    } catch {
      // Someone else is building; a lock older than two minutes is stale.
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > 120_000) rmdirSync(LOCK_DIR);
      } catch {}
    }
    if (locked) {
      try {
        if (webBuildIsFresh()) return;
        // The app build empties dist/web, so the widget (web/vite.widget.config.ts) is built after it.
        for (const config of ['web/vite.config.ts', 'web/vite.widget.config.ts']) {
          const result = spawnSync(
            process.execPath,
            [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'],
            { cwd: ROOT, encoding: 'utf8' },
          );
          if (result.status !== 0)
            throw new Error(`web build (${config}) failed:\n${result.stdout}\n${result.stderr}`);
        }
        return;
      } finally {
        rmdirSync(LOCK_DIR);
      }
    }
    if (Date.now() > deadline) throw new Error('Timed out waiting for another process to build the web app');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Where to write screenshots, when E2E_SCREENSHOTS names a directory. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Like `screenshot`, of one element only. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await locator.screenshot({ path: join(dir, `${name}.png`) });
}

export const DEMO_PASSWORD = 'tandem-demo';

/** Logs in through the login form and waits for the staff shell. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** The value of `name` on every element the locator matches, in document order. */
export async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  const n = await locator.count();
  for (let i = 0; i < n; i++) out.push(await locator.nth(i).getAttribute(name));
  return out;
}

/** The staff areas shown in the main navigation. */
export function navAreas(page: Page): Promise<(string | null)[]> {
  return attributes(page.getByRole('navigation', { name: 'Main' }).locator('a[data-area]'), 'data-area');
}
