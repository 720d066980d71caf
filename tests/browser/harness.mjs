// Shared pieces of the browser tests: start the real server, where pictures go, decode screenshots,
// and count results. The engines themselves are behind engines.mjs.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const engine = process.env.SHIFTBANK_ENGINE || 'chromium';
export const artefacts = join(process.env.SHIFTBANK_ARTEFACTS || 'build/test-artefacts', engine);
mkdirSync(artefacts, { recursive: true });
// Where a flow keeps its picture: one folder per engine.
export const shot = (file) => join(artefacts, file);

// Starts shiftbank-server on an OS-chosen port; resolves to {url, stop()}.
export function startServer(extraArgs = []) {
  const bin = process.env.SHIFTBANK_SERVER, web = process.env.SHIFTBANK_WEB_DIR;
  if (!bin || !web) throw new Error('SHIFTBANK_SERVER and SHIFTBANK_WEB_DIR must be set (ctest sets them)');
  const child = spawn(bin, ['--port', '0', '--web', web, ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}/`, stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }) });
      }
    });
    child.on('exit', (code) => reject(new Error('server exited with ' + code + ': ' + out)));
  });
}

// Minimal PNG decoder (8-bit RGB/RGBA, not interlaced: what the three engines' screenshots are).
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 4;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG');
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0, b = y ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? px[(y - 1) * stride + x - channels] : 0;
      let v = row[x];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, px };
}

// How much of the picture is not its most common colour, and how many colours it has.
export function pictureStats(png) {
  const { px, channels } = decodePng(png);
  const counts = new Map();
  for (let i = 0; i < px.length; i += channels) {
    const k = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const total = px.length / channels, top = Math.max(...counts.values());
  return { colours: counts.size, notBackground: 1 - top / total };
}

// A tiny test runner whose last line ctest and CI both understand: "N passed, N failed".
export async function run(tests) {
  let passed = 0, failed = 0;
  const only = process.env.SHIFTBANK_ONLY;   // a quick local run of the flows whose names contain it
  for (const [name, fn] of tests) {
    if (only && !name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   [${engine}] ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL [${engine}] ${name}: ${e && e.stack || e}`);
    }
  }
  console.log(`[${engine}] ${passed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;   // a later run() in the same file must not clear an earlier failure
  else if (process.exitCode === undefined) process.exitCode = 0;
}

export function assert(cond, message) { if (!cond) throw new Error(message); }

// The app's own state, as window.shiftbankTest reports it.
export const appState = (page) => page.evaluate(() => window.shiftbankTest.state());

// The state once every key the browser delivered has been acted on. Typed keys are handled over a
// few frames and a field passes through each prefix ("Medicine", Backspace: "Medicin" comes first),
// so waiting for the expected text could stop on the way.
export async function stateAfterTyping(page) {
  await page.waitFor(() => window.shiftbankTest.state().input_pending === 0, undefined,
                     { timeout: 20000, what: 'the typed keys to be handled' });
  return appState(page);
}

// Lets auto-sized cards settle: a few frames after the last input.
export async function settle(page) {
  const start = await page.evaluate(() => window.shiftbankTest.frameCount());
  await page.waitFor((n) => window.shiftbankTest.frameCount() >= n + 2, start, { timeout: 10000 }).catch(() => {});
  await page.sleep(150);
}

// The centre of an app widget by its ImGui label (null when it is not on screen).
export async function widgetCentre(page, label) {
  const r = await page.evaluate((l) => window.shiftbankTest.itemRect(l), label);
  return r && { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

export async function assertNoErrors(page) {
  const errors = await page.errors();
  assert(errors.length === 0, `[${engine}] console errors: ` + errors.join(' | '));
}
