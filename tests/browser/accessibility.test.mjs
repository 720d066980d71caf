// The accessibility mirror in a real browser (engines.mjs): what a screen reader is given for the
// sign-in screen and the rota (the accessibility tree itself in Chromium, the mirror's elements in
// every engine) with its grid of rows, days and cells in words, and a keyboard-only sign-in: Tab
// to the fields, type, Enter.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, skipUnlessSelected } from './engines.mjs';
import { startServer, shot, run, assert, assertNoErrors, appState } from './harness.mjs';

skipUnlessSelected();
const server = await startServer(['--demo-staff', '60']);
const browser = await launch(server.url);
const admin = (await (await fetch(server.url + 'api/demo-users')).json()).find((u) => u.username === 'admin');

// The mirror's elements as {tag, role, name} (what the DOM says, in every engine).
const mirrorElements = () => Array.from(document.querySelectorAll('#mirror [data-id]')).map((e) => ({
  tag: e.tagName.toLowerCase(), type: e.type || '', name: e.getAttribute('aria-label') || e.textContent,
  current: e.getAttribute('aria-current'), disabled: !!e.disabled,
}));
const has = (list, tag, name) => list.some((e) => e.tag === tag && e.name === name);

// axe-core (npm) run on the mirror in the page: its violations, as {id, impact, nodes, help}. Not in
// WebKit: its WebDriver runs scripts under the page's own policy, which (rightly) forbids eval.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(page) {
  if (page.engine === 'webkit') return [];
  await page.evaluate((src) => { if (!window.axe) (0, eval)(src); }, axeSource);
  await page.evaluate(() => { window.__axe = null; axe.run('#mirror').then((r) => { window.__axe = r; }); });
  const r = await page.waitFor(() => window.__axe && JSON.stringify(window.__axe.violations.map((v) => ({ id: v.id, impact: v.impact,
    nodes: v.nodes.length, help: v.help }))), undefined, { timeout: 30000, what: 'axe-core to finish' });
  return JSON.parse(r);
}

// Signs in with key presses only: Tab to the Username field, type, Tab, type, Enter.
async function signInByKeyboard(page, account) {
  await page.waitReady();
  await page.waitFor(() => !!document.querySelector('#mirror input[aria-label="Username"]'), undefined, { what: 'the mirrored Username field' });
  let reached = false;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Username');
  }
  assert(reached, 'Tab never reached the Username field: ' + (await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))));
  await page.type(account.username);
  await page.press('Tab');
  assert(await page.evaluate(() => document.activeElement.getAttribute('aria-label') === 'Password'), 'Tab did not move to Password');
  await page.type(account.password);
  await page.waitFor(() => { const b = Array.from(document.querySelectorAll('#mirror button')).find((e) => e.textContent === 'Sign in');
    return b && !b.disabled; }, undefined, { what: 'the Sign in button enabled by the typed fields' });
  await page.press('Enter');
  await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'signed in by the keyboard' });
}

// Presses Tab until the focused element passes `test` (run in the page with `arg`); false after `limit`.
async function tabTo(page, test, arg, limit = 200) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(test, arg)) return true;
    await page.press('Tab');
  }
  return page.evaluate(test, arg);
}

// What overlaps or is cut off, from the mirror's elements (each where the canvas draws it): controls and
// headings sharing pixels, or reaching past the page's sides. Containers (rows, cells with items) are not compared.
const layoutFaults = () => {
  // Cut by the area it is drawn in (scrolled half out of its window, under a frozen header): not shown whole.
  const leaves = Array.from(document.querySelectorAll('#mirror [data-id]:not([data-container]):not([data-cut])'))
    // Controls, headings, and words the app places (the rota's counts: a span given a rectangle).
    .filter((e) => /^(BUTTON|A|INPUT|H[1-6])$/.test(e.tagName) || (e.tagName === 'SPAN' && e.style.width !== ''))
    .map((e) => ({ name: e.getAttribute('aria-label') || e.textContent, r: e.getBoundingClientRect(), inGrid: !!e.closest('[role=grid]') }));
  const W = window.innerWidth, H = window.innerHeight, out = [];
  // Wholly on the page: what is below the fold scrolls into view.
  const shown = leaves.filter((l) => l.r.width > 0 && l.r.top >= 0 && l.r.bottom <= H);
  // The rota grid scrolls sideways (a two-dimensional table may, WCAG 1.4.10); nothing else may.
  for (const l of shown) if (!l.inGrid && (l.r.left < -1 || l.r.right > W + 1)) out.push(`"${l.name}" past the page's side`);
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i].r, b = shown[j].r;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left), oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 1 && oy > 1) out.push(`"${shown[i].name}" overlaps "${shown[j].name}"`);
    }
  return { faults: out, checked: shown.length, width: W, ratio: window.devicePixelRatio };
};

// The live regions' words (the app's messages and, while a shift is moved, its verdict).
const liveWords = () => Array.from(document.querySelectorAll('#mirror [role=status]')).map((e) => e.textContent);

await run([
  ['the sign-in screen reads as a form: heading, labelled fields, the button; signed in with the keyboard only', async () => {
    const page = await browser.open({ viewport: { width: 1280, height: 800 } });
    await page.waitReady();
    await page.waitFor(() => !!document.querySelector('#mirror input[aria-label="Username"]'), undefined, { what: 'the mirrored Username field' });
    const els = await page.evaluate(mirrorElements);
    assert(has(els, 'h1', 'Sign in to Shiftbank'), 'no heading: ' + JSON.stringify(els));
    assert(els.some((e) => e.tag === 'input' && e.type === 'text' && e.name === 'Username'), 'no Username field');
    assert(els.some((e) => e.tag === 'input' && e.type === 'password' && e.name === 'Password'), 'no Password field');
    assert(els.some((e) => e.tag === 'button' && e.name === 'Sign in' && e.disabled), 'no (disabled) Sign in button');
    const violations = await axeViolations(page);
    if (page.engine !== 'webkit') console.log(`     axe-core on the sign-in screen's mirror: ${violations.length} violations ${JSON.stringify(violations)}`);
    assert(!violations.some((v) => v.impact === 'serious' || v.impact === 'critical'), 'axe-core: ' + JSON.stringify(violations));
    const tree = await page.ariaSnapshot();
    if (tree !== null) {
      for (const line of ['heading "Sign in to Shiftbank" [level=1]', 'textbox "Username"', 'textbox "Password"', 'button "Sign in" [disabled]'])
        assert(tree.includes(line), `the accessibility tree has no ${line}:\n${tree}`);
      console.log(`     accessibility tree of the sign-in screen: ${tree.split('\n').length} lines`);
    }
    // Keyboard only: Tab from the top of the page reaches the Username field first.
    await signInByKeyboard(page, admin);
    const s = await appState(page);
    assert(s.user === 'admin', 'signed in as ' + JSON.stringify(s));
    await assertNoErrors(page);
    await page.close();
  }],
  ['screen reader support is a switch: the first Tab stop turns it on, the menu off, and the browser remembers', async () => {
    const page = await browser.open({ viewport: { width: 1280, height: 800 } });
    const turnOn = () => { const b = document.getElementById('a11y-on'); return { shown: !b.hidden, focused: document.activeElement === b }; };
    // The sign-in form is mirrored whatever the setting, with the switch before it.
    await signInByKeyboard(page, admin);
    // Signed in with the setting off (the first time in this browser): no mirror, and the focus on the switch.
    await page.waitFor(() => document.querySelectorAll('#mirror [data-id]').length === 0, undefined, { what: 'the mirror gone after signing in' });
    assert((await page.evaluate(turnOn)).shown, 'no "Turn on screen reader support" button');
    await page.waitFor(() => document.activeElement === document.getElementById('a11y-on'), undefined, { what: 'the focus on the switch' });
    const off = await page.ariaSnapshot();
    if (off !== null) {
      assert(off.includes('button "Turn on screen reader support"'), 'the tree with the mirror off:\n' + off);
      console.log(`     accessibility tree of the rota page with screen reader support off: ${off.split('\n').length} lines: ${off.replace(/\n/g, ' / ')}`);
    }
    await page.press('Enter');
    await page.waitFor(() => !!document.querySelector('#mirror [role=grid]'), undefined, { what: 'the mirror turned on' });
    await page.waitFor(() => document.activeElement && document.activeElement.tagName === 'H1' && document.activeElement.textContent === 'Rota',
      undefined, { what: 'the focus on the page\'s heading' });
    assert(!(await page.evaluate(turnOn)).shown, 'the switch still offered with the mirror on');
    // Remembered: the page opened again has it on.
    await page.reload();
    await page.waitReady();
    await page.waitFor(() => !!document.querySelector('#mirror [role=grid]'), undefined, { timeout: 15000, what: 'the mirror on after reloading' });
    // Off again from the person's menu, by the keyboard: its "Screen reader support" checkbox.
    assert(await tabTo(page, () => document.activeElement && /^Your menu, /.test(document.activeElement.textContent)), 'Tab never reached the person\'s menu');
    await page.press('Enter');
    await page.waitFor(() => !!document.querySelector('#mirror input[type=checkbox][aria-label="Screen reader support"]'), undefined, { what: 'the checkbox in the menu' });
    assert(await page.evaluate(() => document.querySelector('#mirror input[aria-label="Screen reader support"]').checked), 'the checkbox is not ticked');
    assert(await tabTo(page, () => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Screen reader support', undefined, 30),
      'Tab never reached the checkbox');
    await page.press(' ');
    await page.waitFor(() => document.querySelectorAll('#mirror [data-id]').length === 0, undefined, { what: 'the mirror turned off' });
    await page.waitFor(() => document.activeElement === document.getElementById('a11y-on'), undefined, { what: 'the focus on the switch again' });
    await page.reload();
    await page.waitReady();
    await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the rota after reloading' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert(await page.evaluate(() => document.querySelectorAll('#mirror [data-id]').length === 0), 'the mirror came back after reloading');
    // Off, it costs nothing: scrolling the rota hands the page no mirror to update.
    await page.evaluate(() => { const m = window.shiftbankMirror, update = m.update; window.__mirrorCalls = 0;
      m.update = (json) => { window.__mirrorCalls++; update(json); }; });
    for (let i = 0; i < 4; i++) await page.wheel(700, 500, 240);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert(await page.evaluate(() => window.__mirrorCalls === 0), 'the mirror was updated while off: ' + (await page.evaluate(() => window.__mirrorCalls)));
    console.log('     turned on by the first Tab stop, off in the person\'s menu, both remembered after reloading');
    await assertNoErrors(page);
    await page.close();
  }],
  ['the rota page: the navigation with the current page, the main region, its heading', async () => {
    const page = await browser.open({ viewport: { width: 1280, height: 800 }, query: '?user=admin&a11y=1' });
    await page.waitReady();
    await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the rota' });
    await page.waitFor(() => !!document.querySelector('#mirror nav a[aria-current="page"]'), undefined, { what: 'the current page in the navigation' });
    const els = await page.evaluate(mirrorElements);
    assert(els.some((e) => e.tag === 'a' && e.name === 'Rota' && e.current === 'page'), 'Rota is not the current page: ' + JSON.stringify(els.slice(0, 12)));
    assert(has(els, 'main', 'Rota') && has(els, 'h1', 'Rota'), 'no main region with its heading');
    // The rota as a grid: every row counted, days as column headers, people as row headers, cells in words.
    const grid = await page.evaluate(() => { const g = document.querySelector('#mirror [role=grid]');
      return g && { label: g.getAttribute('aria-label'), rows: Number(g.getAttribute('aria-rowcount')),
        drawn: g.querySelectorAll('[role=row]').length, cols: g.querySelectorAll('[role=columnheader]').length,
        cell: Array.from(g.querySelectorAll('[role=gridcell]')).map((c) => c.textContent).find((t) => t !== 'empty'),
        person: Array.from(g.querySelectorAll('[role=rowheader]')).map((c) => c.textContent).find((t) => /, Band /.test(t)),
        group: Array.from(g.querySelectorAll('[role=rowheader] button')).map((c) => c.textContent)[0] }; });
    assert(grid && grid.label === 'Rota' && grid.rows > grid.drawn && grid.cols === 8, 'the rota grid: ' + JSON.stringify(grid));
    assert(/^\S.* \d\d:\d\d–\d\d:\d\d, Ward /.test(grid.cell), 'a cell in words: ' + grid.cell);
    assert(/, Band \d.*h in these days$/.test(grid.person), 'a row header: ' + grid.person);
    assert(/, expanded$/.test(grid.group), "a ward's or group's header is a button that says whether it is open: " + grid.group);
    console.log(`     rota grid: ${grid.rows} rows (${grid.drawn} drawn); a row header "${grid.person}"; a cell "${grid.cell}"`);
    const tree = await page.ariaSnapshot();
    if (tree !== null) {
      assert(tree.includes('navigation "Main"') && tree.includes('link "Rota"') && tree.includes('main "Rota"'), 'tree:\n' + tree);
      assert(tree.includes('grid "Rota"') && tree.includes('columnheader "') && tree.includes('rowheader "') && tree.includes('gridcell "empty"'),
        'no grid in the tree:\n' + tree.slice(0, 3000));
      console.log(`     accessibility tree of the rota page: ${tree.split('\n').length} lines, ${els.length} mirrored elements`);
    }
    await page.screenshot(shot('a11y-rota-1280x800.png'));
    // What keeping the DOM in step costs the page: each update of the mirror's elements timed while
    // the rota scrolls (every scrolled frame changes the drawn rows and cells).
    await page.evaluate(() => { const m = window.shiftbankMirror, update = m.update; window.__mirrorMs = [];
      m.update = (json) => { const t = performance.now(); update(json); window.__mirrorMs.push(performance.now() - t); }; });
    for (let i = 0; i < 12; i++) await page.wheel(700, 500, i < 6 ? 240 : -240);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const ms = (await page.evaluate(() => window.__mirrorMs)).sort((a, b) => a - b);
    // (WebKit's driver's wheel does not reach the canvas' scrolling here: measured in the other two.)
    if (page.engine !== 'webkit') {
      assert(ms.length >= 6, 'the mirror was not updated while the rota scrolled: ' + ms.length);
      const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(2);
      console.log(`     mirror DOM updates while the rota scrolls: ${ms.length}, median ${at(0.5)} ms, 95th percentile ${at(0.95)} ms, most ${at(1)} ms`);
    }
    const violations = await axeViolations(page);
    if (page.engine !== 'webkit') console.log(`     axe-core on the rota page's mirror: ${violations.length} violations ${JSON.stringify(violations)}`);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert(bad.length === 0, 'axe-core: ' + JSON.stringify(bad));
    await assertNoErrors(page);
    await page.close();
  }],
  ['at 200 % zoom and at the Largest text size nothing overlaps or is cut off (screenshots)', async () => {
    const looks = [
      { name: '200pct', viewport: { width: 640, height: 400 }, zoom: 2, query: '' },
      { name: 'largest', viewport: { width: 1280, height: 800 }, zoom: 0, query: '&text=largest' },
      { name: 'phone-largest', viewport: { width: 390, height: 844 }, touch: true, query: '&text=largest' },
    ];
    for (const look of looks) {
      if (look.zoom && browser.engine === 'webkit') continue;   // its driver cannot zoom the page
      for (const view of ['rota', 'open', 'reports']) {
        const page = await browser.open({ viewport: look.viewport, zoom: look.zoom, touch: look.touch, query: `?user=admin&a11y=1&view=${view}${look.query}` });
        await page.waitReady();
        await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the ' + view + ' page' });
        await page.waitFor(() => document.querySelectorAll('#mirror h1, #mirror h2').length > 0, undefined, { what: 'a heading in the mirror' });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.screenshot(shot(`a11y-${look.name}-${view}.png`));
        const r = await page.evaluate(layoutFaults);
        if (look.zoom) assert(r.width === look.viewport.width && r.ratio === look.zoom, '200 % zoom: ' + JSON.stringify(r));
        assert(r.checked > 5, `${look.name} ${view}: only ${r.checked} controls to check`);
        assert(r.faults.length === 0, `${look.name} ${view}: ` + r.faults.join('; '));
        console.log(`     ${look.name} ${view}: ${r.checked} controls and headings, none overlapping or cut off (a11y-${look.name}-${view}.png)`);
        await assertNoErrors(page);
        await page.close();
      }
    }
  }],
  ["the rota's status bar, toolbar and top bar overlap nothing from 390 to 1920 px wide, in Normal and Largest text (screenshots)", async () => {
    const looks = [[390, 844, true, 'normal'], [390, 844, true, 'largest'], [768, 800, false, 'largest'], [1024, 768, false, 'normal'],
      [1920, 1080, false, 'normal'], [1920, 1080, false, 'largest']];
    for (const [width, height, touch, text] of looks) {
      const page = await browser.open({ viewport: { width, height }, touch, query: `?role=manager&a11y=1&view=rota&text=${text}` });
      await page.waitReady();
      await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { timeout: 15000, what: 'the rota' });
      await page.waitFor(() => Array.from(document.querySelectorAll('#mirror span')).some((e) => / staff$/.test(e.textContent)), undefined,
        { what: 'the status bar\'s counts in the mirror' });
      // (What a phone in large text puts below the fold is checked by the headless test, scrolled.)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const name = `status-bar-${width}x${height}-${text}.png`;
      await page.screenshot(shot(name));
      const r = await page.evaluate(layoutFaults);
      const words = await page.evaluate(() => Array.from(document.querySelectorAll('#mirror span')).filter((e) => e.style.width !== '').map((e) => e.textContent));
      assert(words.some((w) => / staff$/.test(w)) && words.some((w) => / in the bank /.test(w)), `${width} px ${text}: the counts are not placed: ${JSON.stringify(words)}`);
      assert(r.faults.length === 0, `${width} px ${text}: ` + r.faults.join('; '));
      console.log(`     ${width} px, ${text} text: ${r.checked} controls, headings and counts, none overlapping or cut off (${name})`);
      await assertNoErrors(page);
      await page.close();
    }
  }],
  ['keyboard only: a manager moves a shift to the next day hearing the verdict; the shortcuts are a dialog; a clinician books', async () => {
    const accounts = await (await fetch(server.url + 'api/demo-users')).json();
    const manager = accounts.find((u) => u.role === 'manager');
    const page = await browser.open({ viewport: { width: 1280, height: 800 }, query: '?a11y=1' });
    await signInByKeyboard(page, manager);
    await page.waitFor(() => !!document.querySelector('#mirror [role=grid] [role=gridcell] button'), undefined, { what: "the rota's cells as buttons" });
    // A vacant shift from today on, with an empty cell on its right: the move the rules allow.
    const target = await page.evaluate(() => {
      const grid = document.querySelector('#mirror [role=grid]');
      const heads = Array.from(grid.querySelectorAll('[role=columnheader]')).map((c) => c.textContent);
      const today = Math.max(1, heads.findIndex((t) => /, today$/.test(t)));
      for (const row of grid.querySelectorAll('[role=row]')) {
        const header = row.querySelector('[role=rowheader]');
        if (!header || header.textContent !== 'Vacant') continue;
        const cells = Array.from(row.querySelectorAll('[role=gridcell]'));
        for (let c = today - 1; c + 1 < cells.length; c++) {
          const chip = cells[c].querySelector('button'), next = cells[c + 1].querySelector('button');
          if (chip && next && chip.textContent !== 'empty' && next.textContent === 'empty')
            return { id: chip.dataset.id, words: chip.textContent, to: heads[c + 2].replace(/, today$/, '') };
        }
      }
      return null;
    });
    assert(target, 'no vacant shift with an empty cell after it on the rota');
    assert(await tabTo(page, (id) => document.activeElement && document.activeElement.dataset.id === id, target.id),
      `Tab never reached "${target.words}"`);
    await page.press('Enter');
    await page.waitFor(() => document.activeElement && / picked up$/.test(document.activeElement.textContent), undefined, { what: 'the shift picked up' });
    assert((await page.evaluate(liveWords)).some((t) => t.startsWith('Picked up ')), 'no "Picked up" in the live region');
    await page.press('ArrowRight');
    const expected = `Vacant, ${target.to}: Allowed.`;
    await page.waitFor((w) => Array.from(document.querySelectorAll('#mirror [role=status]')).some((e) => e.textContent === w), expected,
      { what: 'the verdict read out: ' + expected });
    assert(await page.evaluate(() => document.activeElement && document.activeElement.textContent === 'empty'), 'the focus did not follow to the next cell');
    await page.press('Enter');
    await page.waitFor(() => Array.from(document.querySelectorAll('#mirror [role=status]')).some((e) => e.textContent.startsWith('Moved ')),
      undefined, { what: 'the move confirmed in the live region' });
    console.log(`     moved "${target.words}" with the keyboard; heard "${expected}" then "${(await page.evaluate(liveWords)).find((t) => t.startsWith('Moved '))}"`);
    // "?" opens the shortcuts as a dialog, with the focus in it; Escape closes it and gives the focus back.
    const before = await page.evaluate(() => document.activeElement.dataset.id);
    await page.press('?');
    await page.waitFor(() => !!document.querySelector('#mirror [role=dialog][aria-label="Help: keys and symbols"]'), undefined, { what: 'the shortcuts dialog' });
    // WebKitGTK loses the page's focus when the moved shift's element is replaced, and does not take
    // it back into the dialog (docs/accessibility.md, known gaps); Chromium and Firefox must.
    const focusFollows = page.engine !== 'webkit';
    if (focusFollows) await page.waitFor(() => !!document.activeElement.closest('[role=dialog]'), undefined, { what: 'the focus moved into the dialog' });
    const tree = await page.ariaSnapshot();
    // Inside it, a table of keys and what they do: a row reads "Ctrl+Z Undo your last change".
    if (tree !== null) assert(tree.includes('dialog "Help: keys and symbols"') && tree.includes('table "Keyboard shortcuts"') &&
      tree.includes('columnheader "What they do"') && tree.includes('row "Ctrl+Z Undo your last change"'), 'no dialog in the tree:\n' + tree.slice(0, 2000));
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('#mirror [role=dialog]'), undefined, { what: 'the dialog closed by Escape' });
    if (focusFollows) await page.waitFor((id) => document.activeElement && document.activeElement.dataset.id === id, before, { what: 'the focus given back' });
    await assertNoErrors(page);
    await page.close();

    // A clinician (a staff nurse, who the demo's open shifts are for) books one, by keyboard.
    const nurse = accounts.find((u) => u.role === 'clinician' && u.grade === 'Band 5' && u.employment === 'substantive');
    const phone = await browser.open({ viewport: { width: 1280, height: 800 }, query: '?a11y=1' });
    await signInByKeyboard(phone, nurse);
    assert(await tabTo(phone, () => document.activeElement && document.activeElement.tagName === 'A' && /^Open shifts/.test(document.activeElement.textContent)),
      'Tab never reached the Open shifts link');
    await phone.press('Enter');
    await phone.waitFor(() => !!document.querySelector('#mirror article button'), undefined, { what: 'open shifts as articles with buttons' });
    const offer = await phone.evaluate(() => { const b = Array.from(document.querySelectorAll('#mirror article button')).find((e) => /^(Book now|Apply)$/.test(e.textContent));
      return b && { id: b.dataset.id, what: b.textContent, article: b.closest('article').getAttribute('aria-label') }; });
    assert(offer, 'no Book now or Apply button in an open shift');
    const shifts = await phone.ariaSnapshot();
    if (shifts !== null) assert(shifts.includes(`article "${offer.article}"`) && shifts.includes(`button "${offer.what}"`), 'the tree:\n' + shifts.slice(0, 2000));
    assert(await tabTo(phone, (id) => document.activeElement && document.activeElement.dataset.id === id, offer.id), `Tab never reached ${offer.what}`);
    await phone.press('Enter');
    await phone.waitFor(() => Array.from(document.querySelectorAll('#mirror [role=status]')).some((e) => /^(Booked: |Applied for )/.test(e.textContent)),
      undefined, { what: 'the booking confirmed in the live region' });
    console.log(`     ${offer.what} on "${offer.article}" with the keyboard: "${(await phone.evaluate(liveWords)).find((t) => /^(Booked|Applied)/.test(t))}"`);
    const violations = await axeViolations(phone);
    if (phone.engine !== 'webkit') console.log(`     axe-core on the open shifts' mirror: ${violations.length} violations ${JSON.stringify(violations)}`);
    assert(!violations.some((v) => v.impact === 'serious' || v.impact === 'critical'), 'axe-core: ' + JSON.stringify(violations));
    await assertNoErrors(phone);
    await phone.close();
  }],
]);
await browser.close();
await server.stop();
