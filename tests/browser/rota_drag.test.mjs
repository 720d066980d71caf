// The manager drags a shift with the real mouse in Chromium: the move is applied, the state's
// revision goes up, and a screenshot is kept.
import { join } from 'node:path';
import { launchChromium, startServer, artefacts, run, assert } from './harness.mjs';

const server = await startServer(['--demo-staff', '120']);
const browser = await launchChromium();

await run([
  ['drag a shift to another person on the rota', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url + '?role=manager');
    await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready, null, { timeout: 60000 });
    const sample = await page.evaluate(() => window.shiftbankTest.sampleCells());
    assert(sample, 'no legal move on screen');
    const from = await page.evaluate(([s, d]) => window.shiftbankTest.cellRect(s, d), [sample.from.staff, sample.from.date]);
    const to = await page.evaluate(([s, d]) => window.shiftbankTest.cellRect(s, d), [sample.to.staff, sample.to.date]);
    assert(from && to, 'cells not on screen');
    const before = await page.evaluate(() => window.shiftbankTest.state());
    await page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(from.x + from.w / 2 + (to.x - from.x) * i / 10, from.y + from.h / 2 + (to.y - from.y) * i / 10);
      await page.waitForTimeout(30);
    }
    await page.screenshot({ path: join(artefacts, 'rota-dragging.png') });
    await page.mouse.up();
    await page.waitForFunction((rev) => window.shiftbankTest.state().revision > rev, before.revision, { timeout: 10000 });
    const after = await page.evaluate(() => window.shiftbankTest.state());
    assert(after.revision === before.revision + 1, 'revision ' + JSON.stringify(after));
    assert(/^Moved /.test(after.message), 'message: ' + after.message);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(artefacts, 'rota-dropped.png') });
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await page.close();
  }],
]);

await browser.close();
await server.stop();
