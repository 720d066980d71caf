// The clinician on a phone (390x844, touch), in each engine (engines.mjs): My rota, and the calendar
// export handed to the browser as a real .ics file whose lines end in CRLF.
import { launch, skipUnlessSelected } from './engines.mjs';
import { startServer, shot, run, assert, assertNoErrors, appState, widgetCentre } from './harness.mjs';

skipUnlessSelected();
const server = await startServer(['--demo-staff', '120']);
const browser = await launch(server.url);

await run([
  ['phone: my rota, then "Add to my calendar" downloads an RFC 5545 file', async () => {
    const page = await browser.open({ viewport: { width: 390, height: 844 }, touch: true, query: '?role=clinician&view=mine' });
    await page.waitReady();
    const state = await appState(page);
    assert(state.role === 'clinician' && state.view === 'My rota', 'state ' + JSON.stringify(state));
    await page.screenshot(shot('clinician-my-rota-390x844.png'));
    const at = await widgetCentre(page, '\uf073  Add to my calendar');
    assert(at, 'no calendar export button on screen');
    await page.tap(at.x, at.y);
    const [download] = await page.waitFor(() => window.__sbDownloads && window.__sbDownloads.length && window.__sbDownloads,
                                          undefined, { timeout: 5000, what: 'a download' });
    assert(download.name === 'shiftbank-shifts.ics', 'file ' + download.name);
    const text = download.text;
    assert(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), 'not an iCalendar file');
    assert(!/[^\r]\n/.test(text), 'a line ends without CRLF');
    assert(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'a line is longer than 75 octets');
    assert((text.match(/BEGIN:VEVENT/g) || []).length > 0, 'no events');
    await assertNoErrors(page);
    await page.close();
  }],
]);

await browser.close();
await server.stop();
