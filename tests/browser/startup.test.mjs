// Start-up in a real Chromium against the real server: first frame with data, no console errors,
// a picture that is not blank, no drawing at rest, and a readable message whenever something is missing.
import { join } from 'node:path';
import { launchChromium, startServer, pictureStats, artefacts, run, assert } from './harness.mjs';

const server = await startServer(['--demo-staff', '120']);
const browser = await launchChromium();

async function openPage(viewport, { touch = false, before } = {}) {
  const context = await browser.newContext(touch
    ? { viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 3 }
    : { viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (before) await before(page);
  return { page, errors, close: () => context.close() };
}

async function startsCleanly(viewport, touch, file) {
  const { page, errors, close } = await openPage(viewport, { touch });
  const t0 = Date.now();
  await page.goto(server.url + '?role=manager');   // signs in as the demo's first ward manager
  await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready, null, { timeout: 60000 });
  const firstFrameMs = Date.now() - t0;
  const state = await page.evaluate(() => window.shiftbankTest.state());
  const stats = await page.evaluate(() => window.shiftbankTest.frameStats());
  assert(state.loaded === true, 'data not loaded: ' + JSON.stringify(state));
  assert(state.staff === 122 && state.shifts > 1000, 'unexpected counts ' + JSON.stringify(state));
  assert(typeof state.revision === 'number', 'no revision in state()');
  assert(state.fonts === true, 'the Inter font did not load');
  assert(stats.frames > 0 && stats.p50_ms >= 0 && stats.p95_ms >= stats.p50_ms && 'render_p95_ms' in stats,
         'frameStats ' + JSON.stringify(stats));
  assert(await page.locator('#loading').isHidden(), 'loading screen still shown after the first frame');
  const png = await page.screenshot({ path: join(artefacts, file) });
  const pic = pictureStats(png);
  assert(pic.colours > 50 && pic.notBackground > 0.2, 'screenshot looks blank: ' + JSON.stringify(pic));
  assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
  console.log(`     ${viewport.width}x${viewport.height}: first frame ${firstFrameMs} ms, ` +
              `${stats.frames} frames, p50 ${stats.p50_ms} ms, p95 ${stats.p95_ms} ms CPU`);
  // Idle: with no input, nothing is drawn (a phone's battery thanks us).
  await page.waitForTimeout(400);
  const before = await page.evaluate(() => window.shiftbankTest.frameCount());
  await page.waitForTimeout(1000);
  const after = await page.evaluate(() => window.shiftbankTest.frameCount());
  assert(after === before, `drew ${after - before} frames while idle`);
  await close();
}

async function showsProblem(file, before, words) {
  const { page, close } = await openPage({ width: 1280, height: 800 }, { before });
  await page.goto(server.url);
  const problem = page.locator('#problem');
  await problem.waitFor({ state: 'visible', timeout: 30000 });
  const text = await problem.innerText();
  assert(text.includes(words), `message "${text}" does not mention "${words}"`);
  await page.screenshot({ path: join(artefacts, file) });
  await close();
}

await run([
  ['desktop 1280x800: first frame, no console errors, not blank, idle when nothing happens',
    () => startsCleanly({ width: 1280, height: 800 }, false, 'startup-1280x800.png')],
  ['phone 390x844 with touch: the same',
    () => startsCleanly({ width: 390, height: 844 }, true, 'startup-390x844.png')],
  ['no WebGL2: a readable message instead of a blank page',
    () => showsProblem('no-webgl2.png', (page) => page.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
      };
    }), 'WebGL 2')],
  ['no WebAssembly: a readable message',
    () => showsProblem('no-wasm.png', (page) => page.addInitScript(() => { delete window.WebAssembly; }), 'WebAssembly')],
  ['the .wasm file fails to download: a readable message',
    () => showsProblem('wasm-failed.png', (page) => page.route('**/shiftbank.wasm', (r) => r.abort()), 'failed')],
  ['the app script fails to download: a readable message',
    () => showsProblem('js-failed.png', (page) => page.route('**/shiftbank.js', (r) => r.abort()), 'shiftbank.js')],
  ['the snapshot API fails: the app says so in words and is still ready', async () => {
    const { page, close } = await openPage({ width: 1280, height: 800 }, {
      before: (p) => p.route('**/api/snapshot', (r) => r.fulfill({ status: 503, body: 'maintenance' })) });
    await page.goto(server.url + '?role=manager');
    await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready, null, { timeout: 60000 });
    const state = await page.evaluate(() => window.shiftbankTest.state());
    assert(state.failed && /HTTP 503/.test(state.error), 'state: ' + JSON.stringify(state));
    await page.screenshot({ path: join(artefacts, 'snapshot-failed.png') });
    await close();
  }],
]);

await browser.close();
await server.stop();
