// One small page API over three browser engines, so each flow is written once (docs/testing.md):
//   chromium  Debian's Chromium through Playwright (headless, SwiftShader WebGL)
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (headful under Xvfb:
//             headless Firefox has no WebGL2 here)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver (under Xvfb)
// Which engine a test process drives comes from SHIFTBANK_ENGINE (ctest sets it per test);
// SHIFTBANK_BROWSERS="chromium,firefox" picks a subset, and the others exit with SKIP (77).
//
// Every page is opened through its own small HTTP proxy in front of the real server. It gives all
// three engines the two things classic WebDriver lacks: scripts that run before the page's own
// (init scripts: console capture, a missing WebGL2) and failing or replaced responses (routes).
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

// Software WebGL for Chromium here (shared/TOOLCHAIN.md).
const chromiumArgs = ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic'];

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const engineName = process.env.SHIFTBANK_ENGINE || 'chromium';
if (!ENGINES.includes(engineName)) throw new Error(`SHIFTBANK_ENGINE=${engineName}: expected one of ${ENGINES}`);

// Exits with ctest's SKIP code when SHIFTBANK_BROWSERS leaves this engine out.
export function skipUnlessSelected() {
  const wanted = (process.env.SHIFTBANK_BROWSERS || ENGINES.join(',')).split(',').map((s) => s.trim());
  if (!wanted.includes(engineName)) {
    console.log(`skipped: SHIFTBANK_BROWSERS=${process.env.SHIFTBANK_BROWSERS} leaves out ${engineName}`);
    process.exit(77);
  }
}

// Runs in every page before the app: console errors and uncaught exceptions are collected in the
// page itself, which works the same in every engine (WebKitWebDriver has no log API).
const captureErrors = `(() => {
  const errors = window.__sbErrors = [];
  const real = console.error.bind(console);
  console.error = (...a) => { errors.push(a.map(String).join(' ')); real(...a); };
  addEventListener('error', (e) => errors.push('uncaught: ' + (e.message || (e.target && e.target.src) || e)));
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + e.reason));
})();`;

// Downloads (a Blob behind <a download>) are read back in the page: engines differ in where and
// whether they save files, but all of them run this.
const captureDownloads = `(() => {
  const blobs = new Map(), realUrl = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (b) => { const u = realUrl(b); blobs.set(u, b); return u; };
  window.__sbDownloads = [];
  const realClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.download && blobs.get(this.href);
    if (blob) blob.text().then((text) => window.__sbDownloads.push({ name: this.download, text }));
    return realClick.call(this);
  };
})();`;

// A proxy for one page: forwards to the server, injects the init scripts into the HTML page and
// applies routes ({pattern: RegExp, abort} or {pattern, status, body}) that the test may change.
function startProxy(target) {
  const upstream = new URL(target);
  const proxy = { scripts: [captureErrors, captureDownloads], routes: [] };
  const server = createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/__sb_test/init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(proxy.scripts.join('\n'));
      return;
    }
    const route = proxy.routes.find((r) => r.pattern.test(path));
    if (route && route.abort) { req.socket.destroy(); return; }
    if (route) { res.writeHead(route.status, { 'content-type': 'text/plain' }); res.end(route.body); return; }
    const isPage = path === '/' || path === '/index.html';
    const headers = { ...req.headers, host: upstream.host };
    if (isPage) delete headers['accept-encoding'];
    const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (ur) => {
      if (!isPage || ur.statusCode !== 200) { res.writeHead(ur.statusCode, ur.headers); ur.pipe(res); return; }
      let html = '';
      ur.setEncoding('utf8');
      ur.on('data', (d) => { html += d; });
      ur.on('end', () => {
        html = html.replace('<head>', '<head>\n<script src="/__sb_test/init.js"></script>');
        const h = { ...ur.headers, 'cache-control': 'no-store' };
        delete h['content-length'];
        res.writeHead(200, h);
        res.end(html);
      });
    });
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    req.pipe(up);
  });
  server.keepAliveTimeout = 1000;
  // Bytes on the wire between the browser and the server (headers and all, compressed as sent),
  // counted on every connection the page opens: what a phone's data plan pays for.
  const sockets = new Set();
  let closedRead = 0, closedWritten = 0;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => { closedRead += socket.bytesRead; closedWritten += socket.bytesWritten; sockets.delete(socket); });
  });
  proxy.traffic = () => {
    let read = closedRead, written = closedWritten;
    for (const s of sockets) { read += s.bytesRead; written += s.bytesWritten; }
    return { sent: read, received: written };
  };
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    proxy.url = `http://127.0.0.1:${server.address().port}/`;
    proxy.close = () => new Promise((r) => { server.closeAllConnections(); server.close(r); });
    resolve(proxy);
  }));
}

// Firefox and WebKit need an X display here; Xvfb picks a free one and tells us (-displayfd).
let xvfb = null;
async function ensureDisplay() {
  if (process.env.DISPLAY || xvfb) return;
  xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
               { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdout.on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.trim()); });
    xvfb.on('exit', (code) => reject(new Error('Xvfb exited with ' + code)));
    setTimeout(() => reject(new Error('Xvfb did not start')), 10000);
  });
  process.env.DISPLAY = ':' + display;
}

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the three drivers: each turns the adapter's calls into its own ----------------------------

async function chromiumDriver() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
  return {
    async open({ viewport, touch, zoom }) {
      const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch, deviceScaleFactor: zoom || (touch ? 3 : 1) });
      const page = await context.newPage();
      const nativeErrors = [];
      page.on('console', (m) => { if (m.type() === 'error') nativeErrors.push(m.text()); });
      return {
        nativeErrors,
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (x, y) => page.mouse.click(x, y),
        tap: (x, y) => page.touchscreen.tap(x, y),
        move: (x, y) => page.mouse.move(x, y),
        down: () => page.mouse.down(),
        up: () => page.mouse.up(),
        wheel: async (x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
        type: (text) => page.keyboard.insertText(text),
        press: (key) => page.keyboard.press(key),
        screenshot: () => page.screenshot(),
        // The accessibility tree as Playwright reads it (Chromium only here).
        ariaSnapshot: () => page.locator('body').ariaSnapshot(),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver() {
  await ensureDisplay();
  const puppeteer = require('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: false,
    extraPrefsFirefox: { 'browser.download.dir': '/tmp', 'browser.download.folderList': 2 },
  });
  let frontPage = null;
  return {
    async open({ viewport, touch, zoom }) {
      const context = await browser.createBrowserContext();
      const page = frontPage = await context.newPage();
      await page.setViewport({ ...viewport, hasTouch: touch, isMobile: touch, deviceScaleFactor: zoom || (touch ? 3 : 1) });
      const nativeErrors = [];
      page.on('console', (m) => { if (m.type() === 'error') nativeErrors.push(m.text()); });
      page.on('pageerror', (e) => nativeErrors.push(String(e)));
      // Pages share one window as tabs, and a background tab gets no animation frames: input goes to
      // the page brought to the front first.
      const front = async () => { if (frontPage !== page) { await page.bringToFront(); frontPage = page; } };
      return {
        nativeErrors,
        goto: async (url) => { await front(); await page.goto(url); },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: async (x, y) => { await front(); await page.mouse.click(x, y); },
        tap: async (x, y) => { await front(); await page.touchscreen.tap(x, y); },
        move: async (x, y) => { await front(); await page.mouse.move(x, y); },
        down: async () => { await front(); await page.mouse.down(); },
        up: async () => { await front(); await page.mouse.up(); },
        wheel: async (x, y, dy) => { await front(); await page.mouse.move(x, y); await page.mouse.wheel({ deltaY: dy }); },
        type: async (text) => { await front(); for (const c of text) await page.keyboard.sendCharacter(c); },
        press: async (key) => { await front(); await page.keyboard.press(key); },
        screenshot: async () => { await front(); return page.screenshot(); },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function webkitDriver() {
  await ensureDisplay();
  const { Builder } = require('selenium-webdriver');
  const { Command, Name } = require('selenium-webdriver/lib/command');
  const binary = process.env.MINIBROWSER || readdirSync('/usr/lib').map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`)
    .find((f) => existsSync(f));
  if (!binary) throw new Error('MiniBrowser not found: install webkit2gtk-driver (scripts/setup does)');
  const sessions = [];
  // MiniBrowser's toolbar would keep its window at least 447 px wide; a GTK style sheet that shrinks
  // the browser's own chrome (never the page) lets a session have a phone's 390 px viewport.
  const gtkConfig = mkdtempSync(join(tmpdir(), 'shiftbank-webkit-'));
  mkdirSync(join(gtkConfig, 'gtk-3.0'));
  writeFileSync(join(gtkConfig, 'gtk-3.0', 'gtk.css'),
                '* { font-size: 1px; padding: 0; margin: 0; min-width: 0; min-height: 0; border-width: 0; }\n');
  // One WebKitWebDriver (and so one MiniBrowser) per page: pages stay as separate as two phones.
  async function session() {
    const port = await freePort();
    const wd = spawn(process.env.WEBKITWEBDRIVER || 'WebKitWebDriver', [`--port=${port}`],
                     { stdio: 'ignore', env: { ...process.env, XDG_CONFIG_HOME: gtkConfig } });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
      if (up) break;
      await sleep(100);
    }
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } })
      .build();
    const s = { driver, quit: async () => { await driver.quit().catch(() => {}); wd.kill(); } };
    sessions.push(s);
    return s;
  }
  const actions = (driver, source) => driver.execute(new Command(Name.ACTIONS).setParameter('actions', [source]));
  const pointer = (type, steps) => ({ type: 'pointer', id: type, parameters: { pointerType: type }, actions: steps });
  const at = (x, y) => ({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 });
  return {
    async open({ viewport }) {
      const { driver, quit } = await session();
      // The window includes MiniBrowser's toolbar: size it so the page itself gets the viewport.
      await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      for (let i = 0; i < 3; i++) {
        const inner = await driver.executeScript('return [innerWidth, innerHeight]');
        if (inner[0] === viewport.width && inner[1] === viewport.height) break;
        const rect = await driver.manage().window().getRect();
        await driver.manage().window().setRect({ width: rect.width + viewport.width - inner[0],
                                                 height: rect.height + viewport.height - inner[1] });
      }
      let mouse = { x: 0, y: 0 };
      return {
        nativeErrors: [],
        goto: (url) => driver.get(url),
        evaluate: (fn, arg) => driver.executeScript(`return (${fn}).apply(null, arguments)`, arg),
        click: (x, y) => actions(driver, pointer('mouse', [at(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }])),
        tap: (x, y) => actions(driver, pointer('touch', [at(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }])),
        move: (x, y) => { mouse = { x, y }; return actions(driver, pointer('mouse', [at(x, y)])); },
        down: () => actions(driver, pointer('mouse', [at(mouse.x, mouse.y), { type: 'pointerDown', button: 0 }])),
        up: () => actions(driver, pointer('mouse', [at(mouse.x, mouse.y), { type: 'pointerUp', button: 0 }])),
        wheel: (x, y, dy) => actions(driver, { type: 'wheel', id: 'wheel', actions: [
          { type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY: dy, origin: 'viewport', duration: 0 }] }),
        type: (text) => actions(driver, { type: 'key', id: 'keyboard', actions: [...text].flatMap((c) => [
          { type: 'keyDown', value: c }, { type: 'keyUp', value: c }]) }),
        press: (key) => { const k = { Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ArrowLeft: '\uE012', ArrowUp: '\uE013',
          ArrowRight: '\uE014', ArrowDown: '\uE015' }[key] || key;
          return actions(driver, { type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }] }); },
        screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
        close: quit,
      };
    },
    close: async () => { for (const s of sessions) await s.quit(); rmSync(gtkConfig, { recursive: true, force: true }); },
  };
}

const drivers = { chromium: chromiumDriver, firefox: firefoxDriver, webkit: webkitDriver };

// Launches this process's engine. The returned browser opens pages against `serverUrl`.
export async function launch(serverUrl) {
  const driver = await drivers[engineName]();
  const proxies = [];
  return {
    engine: engineName,
    // Opens a page: {viewport, touch, zoom, query, init: [script source…], routes: [{pattern, abort|status+body}]}.
    // `zoom` 2 is 200 % browser zoom: a CSS viewport of `viewport` at two device pixels per CSS pixel
    // (Chromium, Firefox; WebKit's driver cannot set it). Resolves once the page is loaded (not necessarily ready: see waitReady).
    async open({ viewport = { width: 1280, height: 800 }, touch = false, zoom = 0, query = '', init = [], routes = [] } = {}) {
      const proxy = await startProxy(serverUrl);
      proxies.push(proxy);
      proxy.scripts.push(...init);
      proxy.routes.push(...routes);
      const p = await driver.open({ viewport, touch, zoom });
      const page = {
        engine: engineName, url: proxy.url + query,
        goto: (q = query) => p.goto(proxy.url + q),
        reload: () => p.goto(page.url),
        evaluate: (fn, arg) => p.evaluate(fn, arg),
        // Polls a page function until it returns something truthy; resolves to that value.
        async waitFor(fn, arg, { timeout = 10000, interval = 50, what = 'condition' } = {}) {
          const end = Date.now() + timeout;
          for (;;) {
            const v = await p.evaluate(fn, arg).catch(() => undefined);
            if (v) return v;
            if (Date.now() > end) throw new Error(`[${engineName}] timed out after ${timeout} ms waiting for ${what}`);
            await sleep(interval);
          }
        },
        waitReady: (timeout = 90000) => page.waitFor(() => window.shiftbankTest && window.shiftbankTest.ready, undefined,
                                                     { timeout, what: 'window.shiftbankTest.ready' }),
        sleep,
        click: (x, y) => p.click(x, y),
        tap: (x, y) => p.tap(x, y),
        // Whether the page gets touch events at all (WebKitGTK on Linux has none: taps arrive as clicks).
        hasTouch: () => p.evaluate(() => navigator.maxTouchPoints > 0 || 'ontouchstart' in window),
        // A press-move-release in steps, as a hand would drag.
        async drag(from, to, { steps = 10, pause = 30, during } = {}) {
          await p.move(from.x, from.y);
          await p.down();
          for (let i = 1; i <= steps; i++) {
            await p.move(from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps);
            await sleep(pause);
          }
          if (during) await during();
          await p.up();
        },
        wheel: (x, y, dy) => p.wheel(x, y, dy),
        type: (text) => p.type(text),
        press: (key) => p.press(key),
        // The page's accessibility tree in Playwright's YAML form, or null where the driver has none.
        ariaSnapshot: () => (p.ariaSnapshot ? p.ariaSnapshot() : Promise.resolve(null)),
        async screenshot(path) { const png = await p.screenshot(); if (path) writeFileSync(path, png); return png; },
        // Console errors and uncaught exceptions, from the driver where it reports them and from the page.
        async errors() {
          const inPage = await p.evaluate(() => window.__sbErrors || []).catch(() => []);
          return [...new Set([...p.nativeErrors, ...inPage])];
        },
        downloads: () => p.evaluate(() => window.__sbDownloads || []),
        // {sent, received}: bytes the page has sent and received so far, headers included.
        traffic: () => proxy.traffic(),
        route: (r) => { proxy.routes.push(r); },
        unroute: (pattern) => { proxy.routes = proxy.routes.filter((r) => String(r.pattern) !== String(pattern)); },
        async close() { await p.close(); await proxy.close(); },
      };
      await page.goto();
      return page;
    },
    async close() {
      await driver.close();
      for (const pr of proxies) await pr.close().catch(() => {});
      if (xvfb) xvfb.kill();
    },
  };
}
