// The clinician on a phone (390x844, touch): My rota, and the calendar export downloaded as a
// real .ics file whose lines end in CRLF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startServer, artefacts, run, assert } from './harness.mjs';

const server = await startServer(['--demo-staff', '120']);
const browser = await launchChromium();

await run([
  ['phone: my rota, then "Add to my calendar" downloads an RFC 5545 file', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
                                               deviceScaleFactor: 3, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url + '?role=clinician&view=mine');
    await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready, null, { timeout: 60000 });
    const state = await page.evaluate(() => window.shiftbankTest.state());
    assert(state.role === 'clinician' && state.view === 'My rota', 'state ' + JSON.stringify(state));
    await page.screenshot({ path: join(artefacts, 'clinician-my-rota-390x844.png') });
    const r = await page.evaluate(() => window.shiftbankTest.itemRect('\uf073  Add to my calendar'));
    assert(r, 'no calendar export button on screen');
    const waiting = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
    await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    const download = await waiting;
    assert(download, 'no download');
    assert(download.suggestedFilename() === 'shiftbank-shifts.ics', 'file ' + download.suggestedFilename());
    const text = readFileSync(await download.path(), 'utf8');
    assert(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), 'not an iCalendar file');
    assert(!/[^\r]\n/.test(text), 'a line ends without CRLF');
    assert(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'a line is longer than 75 octets');
    assert((text.match(/BEGIN:VEVENT/g) || []).length > 0, 'no events');
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await context.close();
  }],
]);

await browser.close();
await server.stop();
