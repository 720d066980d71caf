// Start-up against the real server, in each engine (engines.mjs): first frame with data, no console
// errors, a picture that is not blank, no drawing at rest, and a readable message whenever something
// the app needs is missing.
import { launch, skipUnlessSelected } from './engines.mjs';
import { startServer, pictureStats, shot, run, assert, assertNoErrors } from './harness.mjs';

skipUnlessSelected();
const server = await startServer(['--demo-staff', '120']);
const browser = await launch(server.url);

async function startsCleanly(viewport, touch, file) {
  const t0 = Date.now();
  const page = await browser.open({ viewport, touch, query: '?role=manager' });   // the demo's first ward manager
  await page.waitReady();
  const firstFrameMs = Date.now() - t0;
  const state = await page.evaluate(() => window.shiftbankTest.state());
  const stats = await page.evaluate(() => window.shiftbankTest.frameStats());
  assert(state.loaded === true, 'data not loaded: ' + JSON.stringify(state));
  assert(state.staff === 122 && state.shifts > 1000, 'unexpected counts ' + JSON.stringify(state));
  assert(typeof state.revision === 'number', 'no revision in state()');
  assert(state.fonts === true, 'the Inter font did not load');
  assert(stats.frames > 0 && stats.p50_ms >= 0 && stats.p95_ms >= stats.p50_ms && 'render_p95_ms' in stats,
         'frameStats ' + JSON.stringify(stats));
  assert(await page.evaluate(() => getComputedStyle(document.getElementById('loading')).display === 'none'),
         'loading screen still shown after the first frame');
  const inner = await page.evaluate(() => [innerWidth, innerHeight]);
  assert(inner[0] === viewport.width && inner[1] === viewport.height, 'viewport is ' + inner.join('x'));
  const pic = pictureStats(await page.screenshot(shot(file)));
  assert(pic.colours > 50 && pic.notBackground > 0.2, 'screenshot looks blank: ' + JSON.stringify(pic));
  await assertNoErrors(page);
  console.log(`     ${viewport.width}x${viewport.height}: first frame ${firstFrameMs} ms, ` +
              `${stats.frames} frames, p50 ${stats.p50_ms} ms, p95 ${stats.p95_ms} ms CPU`);
  // Idle: with no input, nothing is drawn (a phone's battery thanks us).
  await page.sleep(400);
  const before = await page.evaluate(() => window.shiftbankTest.frameCount());
  await page.sleep(1000);
  const after = await page.evaluate(() => window.shiftbankTest.frameCount());
  assert(after === before, `drew ${after - before} frames while idle`);
  await page.close();
}

async function showsProblem(file, options, words) {
  const page = await browser.open({ ...options, query: '?role=manager' });
  await page.waitFor(() => !document.getElementById('problem').hidden, undefined, { timeout: 30000, what: 'the #problem message' });
  const text = await page.evaluate(() => document.getElementById('problem').innerText);
  assert(text.includes(words), `message "${text}" does not mention "${words}"`);
  await page.screenshot(shot(file));
  await page.close();
}

await run([
  ['desktop 1280x800: first frame, no console errors, not blank, idle when nothing happens',
    () => startsCleanly({ width: 1280, height: 800 }, false, 'startup-1280x800.png')],
  ['phone 390x844 with touch: the same',
    () => startsCleanly({ width: 390, height: 844 }, true, 'startup-390x844.png')],
  ['no WebGL2: a readable message instead of a blank page',
    () => showsProblem('no-webgl2.png', { init: [`(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
      };
    })();`] }, 'WebGL 2')],
  ['no WebAssembly: a readable message',
    () => showsProblem('no-wasm.png', { init: ['delete window.WebAssembly;'] }, 'WebAssembly')],
  ['the .wasm file fails to download: a readable message',
    () => showsProblem('wasm-failed.png', { routes: [{ pattern: /\/shiftbank\.wasm$/, abort: true }] }, 'failed')],
  ['the app script fails to download: a readable message',
    () => showsProblem('js-failed.png', { routes: [{ pattern: /\/shiftbank\.js$/, abort: true }] }, 'shiftbank.js')],
  ['the snapshot API fails: the app says so in words and is still ready', async () => {
    const page = await browser.open({ query: '?role=manager',
                                      routes: [{ pattern: /\/api\/snapshot$/, status: 503, body: 'maintenance' }] });
    await page.waitReady();
    const state = await page.evaluate(() => window.shiftbankTest.state());
    assert(state.failed && /HTTP 503/.test(state.error), 'state: ' + JSON.stringify(state));
    await page.screenshot(shot('snapshot-failed.png'));
    await page.close();
  }],
]);

await browser.close();
await server.stop();
