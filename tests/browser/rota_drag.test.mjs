// The manager drags a shift with the mouse, in each engine (engines.mjs): the move is applied, the
// state's revision goes up, and screenshots are kept while dragging and after the drop.
import { launch, skipUnlessSelected } from './engines.mjs';
import { startServer, shot, run, assert, assertNoErrors, appState } from './harness.mjs';

skipUnlessSelected();
const server = await startServer(['--demo-staff', '120']);
const browser = await launch(server.url);

await run([
  ['drag a shift to another person on the rota', async () => {
    const page = await browser.open({ query: '?role=manager' });
    await page.waitReady();
    const sample = await page.evaluate(() => window.shiftbankTest.sampleCells());
    assert(sample, 'no legal move on screen');
    const cell = (c) => page.evaluate(([s, d]) => window.shiftbankTest.cellRect(s, d), [c.staff, c.date]);
    const from = await cell(sample.from), to = await cell(sample.to);
    assert(from && to, 'cells not on screen');
    const before = await appState(page);
    await page.drag({ x: from.x + from.w / 2, y: from.y + from.h / 2 }, { x: to.x + to.w / 2, y: to.y + to.h / 2 },
                    { during: () => page.screenshot(shot('rota-dragging.png')) });
    await page.waitFor((rev) => window.shiftbankTest.state().revision > rev, before.revision, { what: 'the move' });
    const after = await appState(page);
    assert(after.revision === before.revision + 1, 'revision ' + JSON.stringify(after));
    assert(/^Moved /.test(after.message), 'message: ' + after.message);
    await page.sleep(200);
    await page.screenshot(shot('rota-dropped.png'));
    await assertNoErrors(page);
    await page.close();
  }],
]);

await browser.close();
await server.stop();
