// Time from navigation to the first rendered rota frame, Shiftbank (WebAssembly + WebGL) against
// vis-timeline (DOM) on the same data: the demo trust of N staff over 4 weeks, loaded as JSON.
//
//   node bench/dom-timeline/compare.mjs   (after ./scripts/build; prints a table for docs/performance.md)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(root, 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');
const cli = join(root, 'build/native/tools/shiftbank-cli'), server = join(root, 'build/native/server-stub/shiftbank-server');

// One folder holding the web app, the DOM page and the data, served by the real server.
const web = mkdtempSync(join(tmpdir(), 'shiftbank-compare-'));
cpSync(join(root, 'build/web'), web, { recursive: true });
mkdirSync(join(web, 'data'));
for (const f of ['timeline.html', 'timeline.js']) cpSync(join(here, f), join(web, f));
const vis = join(here, 'node_modules/vis-timeline');
cpSync(join(vis, 'standalone/umd/vis-timeline-graph2d.min.js'), join(web, 'vis-timeline-graph2d.min.js'));
cpSync(join(vis, 'styles/vis-timeline-graph2d.min.css'), join(web, 'vis-timeline-graph2d.min.css'));
const sizes = [500, 2000];
for (const n of sizes)
  execFileSync(cli, ['demo', '--staff', String(n), '--weeks', '4', '--seed', '1', '--out', join(web, 'data', `demo-${n}.json`)]);

const child = spawn(server, ['--port', '0', '--web', web], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => child.stdout.on('data', (d) => {
  const m = String(d).match(/http:\/\/127\.0\.0\.1:(\d+)\//);
  if (m) resolve(`http://127.0.0.1:${m[1]}/`);
}));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox',
  '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

async function firstFrame(path, ready) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t0 = Date.now();
    await page.goto(url + path);
    await page.waitForFunction(ready, null, { timeout: 120000 });
    times.push(Date.now() - t0);
    await page.close();
  }
  return times.sort((a, b) => a - b)[1];   // the median of three
}

console.log('| staff | Shiftbank (wasm + WebGL) | vis-timeline (DOM) |');
console.log('|---|---|---|');
for (const n of sizes) {
  const app = await firstFrame(`?data=data/demo-${n}.json`, () => window.shiftbankTest && window.shiftbankTest.ready);
  const dom = await firstFrame(`timeline.html?data=data/demo-${n}.json`, () => window.timelineReady === true);
  console.log(`| ${n} | ${app} ms | ${dom} ms |`);
}
await browser.close();
child.kill('SIGTERM');
