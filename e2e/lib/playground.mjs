// The page object: every test talks to the playground through these names, which are the page's
// stable contract (labels are the API's parameter names; see issue 5).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../artifacts');

export class Playground {
  /** Starts a server and a browser; `extra` adds pages to the server. */
  static async start({ extra } = {}) {
    const server = await startServer({ extra });
    const browser = await launch();
    return new Session(server, browser);
  }

  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.requests = [];
    this.errors = [];
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
  }

  /** Waits until the app has rendered. */
  async ready() {
    await this.diagnostics.waitFor();
    await this.page.waitForFunction(() => document.querySelector('.summary')?.textContent);
  }

  field(name) {
    return this.page.getByLabel(name, { exact: true });
  }

  server(n) {
    return this.page.getByRole('group', { name: `Server ${n}`, exact: true });
  }

  serverField(n, name) {
    return this.server(n).getByLabel(name, { exact: true });
  }

  get servers() {
    return this.page.getByRole('group', { name: /^Server \d+$/ });
  }

  get raw() {
    return this.page.getByRole('textbox', { name: 'MasterSlaveBackendServers', exact: true });
  }

  get diagnostics() {
    return this.page.getByRole('region', { name: 'Diagnostics', exact: true });
  }

  /** The codes shown, in order. */
  async codes() {
    return this.diagnostics.getByRole('listitem').locator('.code').allTextContents();
  }

  async summary() {
    return this.diagnostics.locator('.summary').textContent();
  }

  get requestUrl() {
    return this.page.getByLabel('Request URL', { exact: true });
  }

  get responseBody() {
    return this.page.getByLabel('Response body', { exact: true });
  }

  tab(name) {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** A view tab: 'Build a request' or 'Check a request'. */
  viewTab(name) {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** The check view's verdict (the status the service would answer, and the diagnostics). */
  get checkVerdict() {
    return this.page.getByRole('region', { name: 'Verdict', exact: true });
  }

  get signatureSteps() {
    return this.page.getByRole('region', { name: 'Signature steps', exact: true });
  }

  async loadExample(label) {
    await this.page.getByText('Examples', { exact: true }).click();
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** The fragment after `#`. */
  hash() {
    return new URL(this.page.url()).hash;
  }
}

class Session {
  constructor(server, browser) {
    this.server = server;
    this.browser = browser;
  }

  /**
   * Opens the playground (`suffix` is appended to the origin, e.g. `/?embed#v1.…`); `clock`
   * (an ISO time) fixes the page's clock, for a captured request's timestamp window.
   */
  async open(suffix = '/', { colorScheme = 'light', width = 1280, height = 900, clock } = {}) {
    const context = await this.browser.newContext({
      colorScheme,
      viewport: { width, height },
    });
    const page = await context.newPage();
    if (clock) await page.clock.setFixedTime(new Date(clock));
    const playground = new Playground(page, this.server.origin);
    await page.goto(this.server.origin + suffix);
    await playground.ready();
    return playground;
  }

  async close() {
    await this.browser.close();
    await this.server.close();
  }
}
