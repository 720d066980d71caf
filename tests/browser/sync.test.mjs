// Live sync in Chromium against the real server: signing in from the sign-in screen; two browsers on
// one rota, where a change in one shows in the other within 2 seconds; and a change made while the
// server cannot be reached, kept in IndexedDB across a reload and sent once it can.
import { join } from 'node:path';
import { launchChromium, startServer, artefacts, run, assert } from './harness.mjs';

const server = await startServer(['--demo-staff', '120']);
const browser = await launchChromium();

async function open(query, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url + query);
  await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready, null, { timeout: 60000 });
  return { context, page, errors };
}
const state = (page) => page.evaluate(() => window.shiftbankTest.state());

// Drags the shift sampleCells() names to the empty cell it names (a second try if the first drop
// lands while the freshly loaded grid is still settling); resolves to the state before.
async function dragSample(page) {
  const before = await state(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForTimeout(300);
    await page.waitForFunction(() => window.shiftbankTest.sampleCells(), null, { timeout: 10000 })
      .catch(() => { throw new Error('no legal move on screen'); });
    const sample = await page.evaluate(() => window.shiftbankTest.sampleCells());
    const from = await page.evaluate(([s, d]) => window.shiftbankTest.cellRect(s, d), [sample.from.staff, sample.from.date]);
    const to = await page.evaluate(([s, d]) => window.shiftbankTest.cellRect(s, d), [sample.to.staff, sample.to.date]);
    await page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(from.x + from.w / 2 + (to.x - from.x) * i / 10, from.y + from.h / 2 + (to.y - from.y) * i / 10);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    const moved = await page.waitForFunction((rev) => window.shiftbankTest.state().revision > rev, before.revision, { timeout: 3000 })
      .then(() => true, () => false);
    if (moved) return before;
  }
  throw new Error('the drop changed nothing: ' + JSON.stringify(await state(page)));
}

// An open shift on the demo's first ward, read through the API as the administrator.
async function openShiftOnFirstWard() {
  const users = await (await fetch(server.url + 'api/demo-users')).json();
  const admin = users.find((u) => u.username === 'admin');
  const login = await (await fetch(server.url + 'api/login', { method: 'POST', body: JSON.stringify(admin) })).json();
  const snap = await (await fetch(server.url + 'api/snapshot', { headers: { Authorization: 'Bearer ' + login.token } })).json();
  return snap.shifts.find((s) => s.status === 'open' && s.ward === 'w01');
}

await run([
  ['sign-in screen: a demo account signs in with one click', async () => {
    const { context, page, errors } = await open('');
    let s = await state(page);
    assert(s.signing_in && !s.loaded, 'expected the sign-in screen: ' + JSON.stringify(s));
    await page.screenshot({ path: join(artefacts, 'sign-in-1280x800.png') });
    const r = await page.evaluate(() => window.shiftbankTest.itemRect('\uf007  Trust administrator'));
    assert(r, 'no demo account button');
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await page.waitForFunction(() => window.shiftbankTest.state().loaded, null, { timeout: 15000 });
    s = await state(page);
    assert(s.user === 'admin' && s.role === 'admin' && s.online, 'signed in as ' + JSON.stringify(s));
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await context.close();
  }],
  ['two browsers on one rota: a change in one shows in the other within 2 seconds', async () => {
    const a = await open('?role=manager');
    const b = await open('?role=manager');
    const start = (await state(b.page)).revision;
    await dragSample(a.page);
    const t0 = Date.now();
    await b.page.waitForFunction((rev) => window.shiftbankTest.state().revision > rev, start, { timeout: 5000 });
    const ms = Date.now() - t0;
    console.log(`     the other browser had the change ${ms} ms after the drop`);
    assert(ms < 2000, `took ${ms} ms`);
    await a.page.waitForFunction(() => window.shiftbankTest.state().pending === 0, null, { timeout: 5000 });
    await b.page.screenshot({ path: join(artefacts, 'sync-second-browser.png') });
    assert(a.errors.length === 0 && b.errors.length === 0, 'console errors: ' + a.errors.concat(b.errors).join(' | '));
    await a.context.close();
    await b.context.close();
  }],
  ['offline: a change is kept across a reload and sent when the server is back', async () => {
    const { context, page } = await open('?role=manager');
    await page.route('**/api/commands', (r) => r.abort());   // the server cannot take commands
    const before = await state(page);
    const r = await page.evaluate(() => window.shiftbankTest.submit('set_ward_policy', { ward: 'w01', instant_booking: false }));
    assert(r.status === 'accepted', 'not applied here: ' + JSON.stringify(r));
    await page.waitForFunction(() => !window.shiftbankTest.state().online, null, { timeout: 10000 })
      .catch(async (e) => { throw new Error(e.message + ' ' + JSON.stringify(await state(page)) + JSON.stringify(await page.evaluate(() => window.shiftbankSync.state()))); });
    let s = await state(page);
    assert(s.pending === 1, 'pending ' + JSON.stringify(s));
    await page.screenshot({ path: join(artefacts, 'sync-offline.png') });
    await page.reload();
    await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready && window.shiftbankTest.state().loaded, null,
                               { timeout: 60000 });
    s = await state(page);
    assert(s.pending === 1 && s.revision > before.revision, 'after the reload the change is gone: ' + JSON.stringify(s));
    await page.unroute('**/api/commands');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(() => window.shiftbankTest.state().pending === 0, null, { timeout: 15000 });
    const check = await open('?role=admin');
    const seen = await state(check.page);
    assert(seen.revision >= 1, 'the server never got it: ' + JSON.stringify(seen));
    await check.context.close();
    await context.close();
  }],
]);


await run([
  ['a command the server refuses (someone else got there first) is explained and rolled back', async () => {
    const shift = await openShiftOnFirstWard();
    assert(shift, 'no open shift on w01');
    const a = await open('?role=manager');
    await a.page.route('**/api/commands', (r) => r.abort());   // A's change waits…
    const mine = shift.rate_pence_per_hour + 500, theirs = shift.rate_pence_per_hour + 900;
    let r = await a.page.evaluate(([id, rate]) => window.shiftbankTest.submit('raise_rate', { shift: id, rate_pence_per_hour: rate }),
                                  [shift.id, mine]);
    assert(r.status === 'accepted', 'not applied locally: ' + JSON.stringify(r));
    const b = await open('?role=admin');                       // …while B raises it further
    r = await b.page.evaluate(([id, rate]) => window.shiftbankTest.submit('raise_rate', { shift: id, rate_pence_per_hour: rate }),
                              [shift.id, theirs]);
    assert(r.status === 'accepted', 'B: ' + JSON.stringify(r));
    await b.page.waitForFunction(() => window.shiftbankTest.state().pending === 0, null, { timeout: 10000 });
    await a.page.unroute('**/api/commands');
    await a.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await a.page.waitForFunction(() => window.shiftbankTest.state().message.startsWith('The server did not accept'), null,
                                 { timeout: 15000 });
    const s = await state(a.page);
    assert(s.message_is_error && /higher than the current/.test(s.message), 'message: ' + s.message);
    await a.page.waitForFunction(() => window.shiftbankTest.state().pending === 0 && !window.shiftbankSync.state().busy, null,
                                 { timeout: 10000 });
    // Rolled back: A now has B's rate, and trying again below it is refused locally in the same words.
    r = await a.page.evaluate(([id, rate]) => window.shiftbankTest.submit('raise_rate', { shift: id, rate_pence_per_hour: rate }),
                              [shift.id, mine + 1]);
    assert(r.status === 'rejected' && /higher than the current/.test(r.reason), 'not rolled back: ' + JSON.stringify(r));
    await a.page.screenshot({ path: join(artefacts, 'sync-rejected.png') });
    await a.context.close();
    await b.context.close();
  }],
]);

await browser.close();
await server.stop();
