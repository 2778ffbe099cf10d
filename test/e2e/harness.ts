/**
 * What every end-to-end file shares: the web build (made once, under a lock, when stale), a
 * server on the acceptance province with an account, headless Chromium, and helpers to open a
 * page in a language and size, sign in when asked, save screenshots and check for sideways
 * scrolling. `e2eSuite()` registers the hooks in the calling `describe` and gives the handles.
 *
 * @example
 *   describe.skipIf(!present && !REQUIRED)('public pages', () => {
 *     const e2e = e2eSuite();
 *     it('finds an officer', async () => { const { page } = await e2e.open('zh', 'phone', '/public', { signIn: false }); … });
 *   });
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Response,
} from 'playwright-core';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { serve, type RunningServer } from '../../src/server/serve.ts';
import { ensureWebBuild } from '../../src/server/web-build.ts';
import { freshDatabaseUrl } from '../support/engines.ts';
import { importProvince51 } from '../support/province-51.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const REQUIRED = process.env.OUTPOST_REQUIRE_SYSTEM === '1';
export const SHOTS = path.join(ROOT, 'artifacts/screenshots');
export const USER = { username: 'e2e-desk', password: 'a-long-e2e-password-4821' };
export const present = fs.existsSync(CHROMIUM);

export const PROVINCE = '510000000000';
export const CITY_1 = '510100000000';
export const COUNTY_1 = '510101000000';
export const TOWN = '510101002000';
export const VILLAGE = '510101002001';
export const ROOM = 'R51010100200001';

export type Lang = 'zh' | 'en';
export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
export type Viewport = keyof typeof VIEWPORTS;

if (!present)
  console.warn(
    `\n*** WEB E2E ${REQUIRED ? 'FAILS' : 'SKIPPED'}: ${CHROMIUM} is missing (apt-get install chromium).` +
      `${REQUIRED ? '' : ' Set OUTPOST_REQUIRE_SYSTEM=1 to make this a failure.'} ***\n`,
  );

const LOCK = path.join(ROOT, 'web/.build-lock');

/** Builds web/dist when stale; e2e files run in parallel, so one builds while the others wait. */
export async function webBuild(): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is stale after five minutes.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`${LOCK} held for five minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await ensureWebBuild();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface OpenOptions {
  /** Sign in when the login dialog shows (default true); false for the residents' pages. */
  signIn?: boolean;
  /** A screenshot of the login dialog, when it shows. */
  loginShot?: string;
}

export interface E2E {
  readonly base: string;
  readonly auth: boolean;
  readonly browser: Browser;
  readonly dbUrl: string;
  /** Console errors and page errors nobody expected; a file's last test asserts it is empty. */
  readonly problems: string[];
  open(
    lang: Lang,
    viewport: Viewport,
    url?: string,
    options?: OpenOptions,
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in when the login dialog shows within `timeout` ms. */
  signInIfAsked(page: Page, shot?: string, timeout?: number): Promise<void>;
  /** Signs `user` in at the login dialog, which must show (when the run has accounts at all). */
  signInAs(page: Page, user: { username: string; password: string }): Promise<void>;
  snap(page: Page, name: string): Promise<void>;
  noSidewaysScroll(page: Page): Promise<void>;
}

/**
 * Registers the hooks of one e2e file: a fresh SQLite database with province-51 (or what
 * `province` puts there; and, when given, whatever `prepare` adds), an admin account, the
 * server and the browser.
 */
export function e2eSuite(
  options: {
    /** What the database holds instead of province-51 (the maps walk builds the demonstration). */
    province?(db: Database): Promise<void>;
    prepare?(db: Database): Promise<void>;
    expected?(m: ConsoleMessage): boolean;
  } = {},
): E2E {
  let server: RunningServer | undefined;
  const state = {
    base: '',
    auth: false,
    dbUrl: '',
    browser: undefined as Browser | undefined,
    /** A browser per language: Chromium draws date and month inputs in its own UI language. */
    browsers: {} as Partial<Record<Lang, Promise<Browser>>>,
    problems: [] as string[],
  };
  const browserFor = (lang: Lang): Promise<Browser> =>
    (state.browsers[lang] ??= lang === 'zh' && state.browser ? Promise.resolve(state.browser) : launchBrowser(lang));

  beforeAll(async () => {
    await webBuild();
    state.dbUrl = await freshDatabaseUrl('sqlite');
    const db = await openDatabase(state.dbUrl);
    try {
      await (options.province ?? importProvince51)(db);
      await options.prepare?.(db);
    } finally {
      await db.close();
    }
    state.auth = addAccount(state.dbUrl);
    server = await serve({ dbUrl: state.dbUrl, port: 0, host: '127.0.0.1' });
    await server.ready;
    state.base = server.url.replace('0.0.0.0', '127.0.0.1');
    state.browser = await launchBrowser('zh');
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    const browsers = new Set([state.browser, ...(await Promise.all(Object.values(state.browsers)))]);
    for (const browser of browsers) await browser?.close();
    await server?.close();
  });

  const e2e: E2E = {
    get base() {
      return state.base;
    },
    get auth() {
      return state.auth;
    },
    get dbUrl() {
      return state.dbUrl;
    },
    get browser() {
      if (!state.browser) throw new Error('the browser is not started');
      return state.browser;
    },
    problems: state.problems,

    async open(lang, viewport, url = '/', { signIn = true, loginShot = `login-${viewport}-${lang}` } = {}) {
      const context = await (
        await browserFor(lang)
      ).newContext({
        viewport: VIEWPORTS[viewport],
        locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
      });
      await context.addInitScript((l) => window.localStorage.setItem('outpost.lang', l), lang);
      const page = await context.newPage();
      page.on('console', (m) => {
        if (unexpected(m) && !options.expected?.(m))
          state.problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => state.problems.push(`pageerror: ${e.message}`));
      // The app asks who is signed in first; its answer decides whether the login dialog comes.
      const session = signIn ? whoAmI(page) : null;
      await page.goto(state.base + url);
      if (session && (await session)?.status() === 401) await e2e.signInIfAsked(page, loginShot, 30_000);
      return { context, page };
    },

    async signInIfAsked(page, shot, timeout = 5_000) {
      if (!state.auth) return;
      const dialog = page.locator('[role=dialog]');
      if (!(await dialog.isVisible().catch(() => false))) await dialog.waitFor({ timeout }).catch(() => {});
      if (!(await dialog.isVisible())) return;
      if (shot) await e2e.snap(page, shot);
      await fillSignIn(page, USER);
    },

    async signInAs(page, user) {
      if (!state.auth) return;
      await page.locator('[role=dialog]').waitFor({ timeout: 30_000 });
      await fillSignIn(page, user);
    },

    async snap(page, name) {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    },

    async noSidewaysScroll(page) {
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width);
    },
  };
  return e2e;
}

/** The answer to the app's first `GET session` (null when none comes: a residents' page). */
function whoAmI(page: Page): Promise<Response | null> {
  return page
    .waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session' && r.request().method() === 'GET', {
      timeout: 30_000,
    })
    .catch(() => null);
}

/**
 * Chromium in the UI language of `lang`: its date and month inputs follow that, not the page's
 * language. On Linux it is read from the environment (and needs Debian's chromium-l10n for
 * Chinese; without it the inputs stay in English).
 */
export function launchBrowser(lang: Lang = 'zh'): Promise<Browser> {
  const locale = lang === 'zh' ? 'zh_CN' : 'en_GB';
  return chromium.launch({
    executablePath: CHROMIUM,
    // LANGUAGE only: LANG names the system's character set, and a locale this machine does not
    // have (zh_CN.UTF-8 is rarely generated) would cost downloads their non-ASCII file names.
    env: { ...process.env, LANGUAGE: locale },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Creates an account through the CLI (the public interface) when the server has accounts; a
 * server without them (every route open) has no `user` command and needs none.
 */
export function addAccount(dbUrl: string, user = USER, role = 'admin', extra: string[] = []): boolean {
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/outpost.js'),
        'user',
        'add',
        '--db',
        dbUrl,
        '--username',
        user.username,
        '--password',
        user.password,
        '--role',
        role,
        ...extra,
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch (e) {
    const out = String((e as { stderr?: Buffer }).stderr ?? '');
    if (/unknown command|no command|usage/i.test(out)) return false;
    throw e;
  }
}

/**
 * A browser logs each 4xx answer as a console error. Expected ones: 401 before signing in,
 * 404 for routes a server may not have yet (meta, session), 422 for the rejections the import
 * (records or a whole file) and the forms exist to show.
 */
export function unexpected(m: ConsoleMessage): boolean {
  if (m.type() !== 'error') return false;
  const url = m.location().url ?? '';
  const status = /status of (\d{3})/.exec(m.text())?.[1];
  if (status === '401') return false;
  if (status === '404' && /\/api\/v1\/(meta|session)$/.test(url)) return false;
  if (status === '422' && /\/api\/v1\/(records\/|imports\?)/.test(url)) return false;
  return true;
}

/** A page of a walk: its screenshot's name, its address, and what shows once it has settled. */
export type PageVisit = [name: string, url: string, settled?: (page: Page) => Promise<void>];

/**
 * Registers one test per language and width that opens each page in turn, checks it does not
 * scroll sideways and saves its screenshot as `<name>-<viewport>-<lang>`.
 */
export function walkPages(
  e2e: E2E,
  what: string,
  start: string,
  pages: PageVisit[],
  { signIn = true, timeout = 240_000 }: { signIn?: boolean; timeout?: number } = {},
): void {
  for (const lang of ['zh', 'en'] as Lang[])
    for (const viewport of ['desktop', 'phone'] as Viewport[])
      it(
        `shows ${what} at ${viewport} width in ${lang}, without sideways scrolling`,
        async () => {
          const { context, page } = await e2e.open(lang, viewport, start, { signIn });
          for (const [name, url, settled] of pages) {
            await page.goto(e2e.base + url);
            await settled?.(page);
            await page.waitForLoadState('networkidle');
            await e2e.noSidewaysScroll(page);
            await e2e.snap(page, `${name}-${viewport}-${lang}`);
          }
          await context.close();
        },
        timeout,
      );
}

/**
 * Fills and sends the open login dialog. On a loaded machine the app may redraw the dialog (its
 * own session check answering late) between filling and submitting, which empties the fields:
 * fill and send again then.
 */
async function fillSignIn(page: Page, user: { username: string; password: string }): Promise<void> {
  const dialog = page.locator('[role=dialog]');
  for (let attempt = 1; ; attempt++) {
    await page.fill('#login-username', user.username);
    await page.fill('#login-password', user.password);
    await page.locator('[role=dialog] button[type=submit]').click();
    const closed = await dialog.waitFor({ state: 'detached', timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (closed) return;
    if (attempt === 3) throw new Error('the login dialog stayed open after three sign-ins');
  }
}
