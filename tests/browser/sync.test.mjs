// Live sync against the real server, in each engine (engines.mjs): signing in from the sign-in screen;
// two browsers on one rota, where a change in one shows in the other within 2 seconds; a change made
// while the server cannot be reached, kept in IndexedDB across a reload and sent once it can; and a
// change the server refuses, explained and rolled back.
import { launch, skipUnlessSelected } from './engines.mjs';
import { startServer, shot, run, assert, assertNoErrors, appState } from './harness.mjs';

skipUnlessSelected();
const server = await startServer(['--demo-staff', '120']);
const browser = await launch(server.url);
const state = appState;
const commands = /\/api\/commands$/;

async function open(query, viewport = { width: 1280, height: 800 }) {
  const page = await browser.open({ viewport, query });
  await page.waitReady();
  return page;
}

// Drags the shift sampleCells() names to the empty cell it names (a second try if the first drop
// lands while the freshly loaded grid is still settling); resolves to the state before.
async function dragSample(page) {
  const before = await state(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.sleep(300);
    const sample = await page.waitFor(() => window.shiftbankTest.sampleCells(), undefined, { what: 'a legal move on screen' });
    const cell = (c) => page.evaluate(([s, d]) => window.shiftbankTest.cellRect(s, d), [c.staff, c.date]);
    const from = await cell(sample.from), to = await cell(sample.to);
    await page.drag({ x: from.x + from.w / 2, y: from.y + from.h / 2 }, { x: to.x + to.w / 2, y: to.y + to.h / 2 });
    const moved = await page.waitFor((rev) => window.shiftbankTest.state().revision > rev, before.revision, { timeout: 3000 })
      .then(() => true, () => false);
    if (moved) return before;
  }
  await page.screenshot(shot('drag-changed-nothing.png'));
  const sample = await page.evaluate(() => { const t = window.shiftbankTest, s = t.sampleCells();
    return s && { s, from: t.cellRect(s.from.staff, s.from.date), to: t.cellRect(s.to.staff, s.to.date), frames: t.frameCount() }; });
  throw new Error('the drop changed nothing: ' + JSON.stringify(await state(page)) + ' sample ' + JSON.stringify(sample));
}

// A shift that has not started (its London start, read as UTC, with two hours to spare): the
// demo's rota begins in the past, and a started shift can no longer be booked or re-rated.
const toCome = (s) => Date.parse(s.start + ':00Z') > Date.now() + 2 * 3600e3;

// An open shift still to come on the demo's first ward, read through the API as the administrator.
async function openShiftOnFirstWard() {
  const users = await (await fetch(server.url + 'api/demo-users')).json();
  const admin = users.find((u) => u.username === 'admin');
  const login = await (await fetch(server.url + 'api/login', { method: 'POST', body: JSON.stringify({ username: admin.username, password: admin.password }) })).json();
  const snap = await (await fetch(server.url + 'api/snapshot', { headers: { Authorization: 'Bearer ' + login.token } })).json();
  return snap.shifts.find((s) => s.status === 'open' && s.ward === 'w01' && toCome(s));
}

await run([
  ['sign-in screen: a demo account signs in with one click', async () => {
    const page = await open('');
    let s = await state(page);
    assert(s.signing_in && !s.loaded, 'expected the sign-in screen: ' + JSON.stringify(s));
    await page.screenshot(shot('sign-in-1280x800.png'));
    const r = await page.evaluate(() => window.shiftbankTest.itemRect('\uf007  Trust administrator'));
    assert(r, 'no demo account button');
    await page.click(r.x + r.w / 2, r.y + r.h / 2);
    await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the signed-in rota' });
    s = await state(page);
    assert(s.user === 'admin' && s.role === 'admin' && s.online, 'signed in as ' + JSON.stringify(s));
    await assertNoErrors(page);
    await page.close();
  }],
  ['two browsers on one rota: a change in one shows in the other within 2 seconds', async () => {
    const a = await open('?role=manager');
    const b = await open('?role=manager');
    const start = (await state(b)).revision;
    await dragSample(a);
    const t0 = Date.now();
    await b.waitFor((rev) => window.shiftbankTest.state().revision > rev, start, { timeout: 5000, interval: 10, what: 'the change' });
    const ms = Date.now() - t0;
    console.log(`     the other browser had the change ${ms} ms after the drop`);
    assert(ms < 2000, `took ${ms} ms`);
    await a.waitFor(() => window.shiftbankTest.state().pending === 0, undefined, { timeout: 5000, what: 'nothing pending' });
    await b.screenshot(shot('sync-second-browser.png'));
    await assertNoErrors(a);
    await assertNoErrors(b);
    await a.close();
    await b.close();
  }],
  ['offline: a change is kept across a reload and sent when the server is back', async () => {
    const page = await open('?role=manager');
    page.route({ pattern: commands, abort: true });   // the server cannot take commands
    const before = await state(page);
    const r = await page.evaluate(() => window.shiftbankTest.submit('set_ward_policy', { ward: 'w01', instant_booking: false }));
    assert(r.status === 'accepted', 'not applied here: ' + JSON.stringify(r));
    await page.waitFor(() => !window.shiftbankTest.state().online, undefined, { what: 'offline' })
      .catch(async (e) => { throw new Error(e.message + ' ' + JSON.stringify(await state(page))); });
    let s = await state(page);
    assert(s.pending === 1, 'pending ' + JSON.stringify(s));
    await page.screenshot(shot('sync-offline.png'));
    await page.reload();
    await page.waitFor(() => window.shiftbankTest && window.shiftbankTest.ready && window.shiftbankTest.state().loaded, undefined,
                       { timeout: 60000, what: 'the reloaded rota' });
    s = await state(page);
    assert(s.pending === 1 && s.revision > before.revision, 'after the reload the change is gone: ' + JSON.stringify(s));
    page.unroute(commands);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitFor(() => window.shiftbankTest.state().pending === 0, undefined, { timeout: 15000, what: 'nothing pending' });
    const check = await open('?role=admin');
    const seen = await state(check);
    assert(seen.revision >= 1, 'the server never got it: ' + JSON.stringify(seen));
    await check.close();
    await page.close();
  }],
]);


await run([
  ['a command the server refuses (someone else got there first) is explained and rolled back', async () => {
    const shift = await openShiftOnFirstWard();
    assert(shift, 'no open shift on w01');
    const a = await open('?role=manager');
    a.route({ pattern: commands, abort: true });   // A's change waits…
    const mine = shift.rate_pence_per_hour + 500, theirs = shift.rate_pence_per_hour + 900;
    let r = await a.evaluate(([id, rate]) => window.shiftbankTest.submit('raise_rate', { shift: id, rate_pence_per_hour: rate }),
                                  [shift.id, mine]);
    assert(r.status === 'accepted', 'not applied locally: ' + JSON.stringify(r));
    const b = await open('?role=admin');                       // …while B raises it further
    r = await b.evaluate(([id, rate]) => window.shiftbankTest.submit('raise_rate', { shift: id, rate_pence_per_hour: rate }),
                              [shift.id, theirs]);
    assert(r.status === 'accepted', 'B: ' + JSON.stringify(r));
    await b.waitFor(() => window.shiftbankTest.state().pending === 0, undefined, { what: 'nothing pending in B' });
    a.unroute(commands);
    await a.evaluate(() => window.dispatchEvent(new Event('online')));
    await a.waitFor(() => window.shiftbankTest.state().message.startsWith('The server did not accept'), undefined,
                    { timeout: 15000, what: 'the refusal' });
    const s = await state(a);
    assert(s.message_is_error && /higher than the current/.test(s.message), 'message: ' + s.message);
    await a.waitFor(() => window.shiftbankTest.state().pending === 0 && !window.shiftbankTest.state().syncing, undefined,
                    { what: 'A settled' });
    // Rolled back: A now has B's rate, and trying again below it is refused locally in the same words.
    r = await a.evaluate(([id, rate]) => window.shiftbankTest.submit('raise_rate', { shift: id, rate_pence_per_hour: rate }),
                              [shift.id, mine + 1]);
    assert(r.status === 'rejected' && /higher than the current/.test(r.reason), 'not rolled back: ' + JSON.stringify(r));
    await a.screenshot(shot('sync-rejected.png'));
    await a.close();
    await b.close();
  }],
]);

await run([
  ['a clinician books one shift and takes 10 colleagues\' changes in place, in a few kilobytes', async () => {
    const api = async (user, path, body) => {
      const users = await (await fetch(server.url + 'api/demo-users')).json();
      const me = users.find((u) => u.username === user);
      const login = await (await fetch(server.url + 'api/login', { method: 'POST', body: JSON.stringify({ username: me.username, password: me.password }) })).json();
      const r = await fetch(server.url + path, { method: body ? 'POST' : 'GET', headers: { Authorization: 'Bearer ' + login.token },
                                                  body: body ? JSON.stringify(body) : undefined });
      return r.json();
    };
    const page = await open('?role=clinician');
    await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the clinician signed in' });
    const me = await state(page);
    const snapshots = [];
    // Every snapshot the page asks for from here on: there should be none.
    page.route({ pattern: /\/api\/snapshot$/, status: 500, body: 'the test counts this: no snapshot should be needed' });
    // An open shift the core says this clinician may book (the app's own preview).
    const shift = await page.evaluate(() => {
      const s = window.shiftbankTest;
      for (const id of s.openShifts()) if (s.preview('book', { shift: id }).status === 'accepted') return id;
      return null;
    });
    assert(shift, 'no bookable open shift for ' + me.user);
    await page.sleep(500);   // let the long-poll settle, so the window measures only what follows
    const before = page.traffic();
    const r = await page.evaluate((id) => window.shiftbankTest.submit('book', { shift: id }), shift);
    assert(r.status === 'accepted', 'booking: ' + JSON.stringify(r));
    await page.waitFor(() => window.shiftbankTest.state().pending === 0, undefined, { what: 'the booking confirmed' });
    // Ten changes by the ward's manager: rates raised on other open shifts.
    const admin = await api('admin', 'api/snapshot');
    const others = admin.shifts.filter((s) => s.status === 'open' && s.id !== shift && toCome(s)).slice(0, 10);
    const start = (await state(page)).revision;
    for (const [i, s] of others.entries())
      await api('admin', 'api/commands', { commands: [{ id: 'bytes-' + i, type: 'raise_rate', payload: { shift: s.id, rate_pence_per_hour: s.rate_pence_per_hour + 100 } }] });
    await page.waitFor((rev) => window.shiftbankTest.state().revision >= rev + 10, start, { timeout: 15000, what: 'the 10 changes' });
    const after = page.traffic();
    const sent = after.sent - before.sent, received = after.received - before.received;
    console.log(`     bytes on the wire to book one shift and receive 10 colleagues' changes: ${sent + received} (${sent} sent, ${received} received)`);
    assert(sent + received < 5000, `took ${sent + received} bytes`);
    // In step with the server without a reload: the page's state is a fresh snapshot's, to the byte.
    const s = await state(page);
    assert(s.revision === start + 10 && s.pending === 0, JSON.stringify(s));
    page.unroute(/\/api\/snapshot$/);
    const hash = await page.evaluate(() => window.shiftbankTest.stateHash());
    const fresh = await open('?role=clinician');
    await fresh.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'a fresh copy' });
    const freshHash = await fresh.evaluate(() => window.shiftbankTest.stateHash());
    assert(hash === freshHash, `in-place copy ${hash} differs from a fresh snapshot ${freshHash}`);
    await assertNoErrors(page);
    await fresh.close();
    await page.close();
  }],
]);

await run([
  ['the history: a manager\'s change from the server\'s own log, still there after a reload, exported as CSV', async () => {
    const page = await open('?role=manager');
    await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the manager signed in' });
    await dragSample(page);
    await page.waitFor(() => window.shiftbankTest.state().pending === 0, undefined, { what: 'the move confirmed' });
    const me = await state(page);
    const openHistory = async () => {
      const r = await page.waitFor(() => window.shiftbankTest.itemRect('\uf017  History'), undefined, { what: 'the History button' });
      await page.click(r.x + r.w / 2, r.y + r.h / 2);
      return page.waitFor(() => { const a = window.shiftbankTest.audit(); return a.from_server && a.entries.length ? a : null; },
                          undefined, { timeout: 10000, what: 'the history from the server' });
    };
    let shown = await openHistory();
    const name = (await page.evaluate(() => window.shiftbankTest.state().user_name));
    assert(shown.entries[0].text.startsWith(name + ' moved '), 'newest entry: ' + JSON.stringify(shown.entries[0]) + ' by ' + me.user);
    await page.screenshot(shot('history-1280x800.png'));
    // A reload forgets everything the browser held: the entry comes from the server's log again.
    await page.reload();
    await page.waitFor(() => window.shiftbankTest && window.shiftbankTest.ready && window.shiftbankTest.state().loaded, undefined,
                       { timeout: 60000, what: 'the reloaded rota' });
    shown = await openHistory();
    assert(shown.entries[0].text.startsWith(name + ' moved '), 'after the reload: ' + JSON.stringify(shown.entries[0]));
    const csv = await page.waitFor(() => window.shiftbankTest.itemRect('\uf019  Export CSV'), undefined, { what: 'Export CSV' });
    await page.click(csv.x + csv.w / 2, csv.y + csv.h / 2);
    const file = await page.waitFor(() => (window.__sbDownloads || []).find((d) => d.name === 'shiftbank-audit.csv'), undefined,
                                    { what: 'the CSV download' });
    assert(file.text.startsWith('revision,time,author,type,text,override_reason\r\n'), 'csv: ' + file.text.slice(0, 80));
    assert(file.text.includes(name + ' moved '), 'the move is not in the CSV');
    await assertNoErrors(page);
    await page.close();
  }],
]);

await browser.close();
await server.stop();
