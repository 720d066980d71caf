// The booking flow in Chromium, as a clinician would do it: on a desktop with the mouse and on a phone
// (390x844, touch) with a finger; a refusal that names the rule; and the phone keyboard bridge
// carrying typed text, non-ASCII included, into an app text field. Each keeps a screenshot.
import { join } from 'node:path';
import { launchChromium, startServer, artefacts, run, assert } from './harness.mjs';

const server = await startServer(['--demo-staff', '120']);
const browser = await launchChromium();

async function open(viewport, touch, query) {
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch, deviceScaleFactor: touch ? 3 : 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + query);
  await page.waitForFunction(() => window.shiftbankTest && window.shiftbankTest.ready, null, { timeout: 60000 });
  await settle(page);
  return { context, page, errors };
}

// Lets the auto-sized cards settle: a few frames after the last input.
async function settle(page) {
  const start = await page.evaluate(() => window.shiftbankTest.frameCount());
  await page.waitForFunction((n) => window.shiftbankTest.frameCount() >= n + 2, start, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(150);
}

async function state(page) { return page.evaluate(() => window.shiftbankTest.state()); }

async function bookFirst(page, tap) {
  const before = await state(page);
  let r = await page.evaluate(() => window.shiftbankTest.itemRect('Book now##') || window.shiftbankTest.itemRect('Apply##'));
  assert(r, 'no Book now or Apply button on screen');
  const x = r.x + r.w / 2, y = r.y + r.h / 2;
  if (tap) await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
  await page.waitForFunction((b) => {
    const s = window.shiftbankTest.state();
    return s.my_bookings !== b.my_bookings || s.my_applications !== b.my_applications;
  }, before, { timeout: 10000 });
  const after = await state(page);
  assert(after.my_bookings === before.my_bookings + 1 || after.my_applications === before.my_applications + 1,
         'nothing booked: ' + JSON.stringify(after));
  assert(/^(Booked|Applied)/.test(after.message) && !after.message_is_error, 'message: ' + after.message);
  return after;
}

await run([
  ['desktop 1280x800: the first open shift is booked (or applied for) with one click', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 800 }, false, '?role=clinician&view=open');
    const after = await bookFirst(page, false);
    await settle(page);
    await page.screenshot({ path: join(artefacts, 'booking-desktop-1280x800.png') });
    assert(after.view === 'Open shifts', 'view ' + after.view);
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await context.close();
  }],
  ['desktop 1280x800: a shift a rule forbids shows the rule and its numbers', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 800 }, false, '?role=clinician&view=open');
    const s = await state(page);
    assert(s.open_first_refusal && /\d+ h/.test(s.open_first_refusal), 'no refusal naming a limit: ' + JSON.stringify(s));
    // Scroll to the refusals (bookable shifts come first) and keep a picture of one.
    await page.mouse.move(700, 500);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 400);
    await settle(page);
    await page.screenshot({ path: join(artefacts, 'booking-refused-1280x800.png') });
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await context.close();
  }],
  ['phone 390x844 touch: the first open shift is booked (or applied for) with one tap', async () => {
    const { context, page, errors } = await open({ width: 390, height: 844 }, true, '?role=clinician&view=open');
    await bookFirst(page, true);
    await settle(page);
    await page.screenshot({ path: join(artefacts, 'booking-phone-390x844.png') });
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await context.close();
  }],
  ['phone 390x844 touch: tapping a text field focuses the keyboard input; typed text arrives, non-ASCII too', async () => {
    const { context, page, errors } = await open({ width: 390, height: 844 }, true, '?role=clinician&view=open');
    const filters = await page.evaluate(() => window.shiftbankTest.itemRect('\uf0b0  Filters'));
    assert(filters, 'no Filters button');
    await page.touchscreen.tap(filters.x + filters.w / 2, filters.y + filters.h / 2);
    await settle(page);
    const field = (await page.evaluate(() => window.shiftbankTest.textFields())).find((f) => f.label === '##search');
    assert(field, 'no search field on screen');
    await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
    await settle(page);
    assert(await page.evaluate(() => document.activeElement && document.activeElement.id === 'keyboard'),
           'the hidden input did not get the focus, so no keyboard would open');
    assert((await state(page)).text_input, 'the app field is not active');
    await page.keyboard.insertText('Zoë Łukasz');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => window.shiftbankTest.state().open_search === 'Zoë Łukas', null, { timeout: 5000 })
      .catch(() => {});
    const s = await state(page);
    assert(s.open_search === 'Zoë Łukas', 'typed text arrived as ' + JSON.stringify(s.open_search));
    await page.screenshot({ path: join(artefacts, 'keyboard-phone-390x844.png') });
    // Tapping away ends the typing and lets the keyboard go.
    await page.touchscreen.tap(195, 700);
    await settle(page);
    assert(!(await state(page)).text_input, 'the field stayed active');
    assert(await page.evaluate(() => document.activeElement === null || document.activeElement.id !== 'keyboard'),
           'the hidden input kept the focus');
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
    await context.close();
  }],
]);

await browser.close();
await server.stop();
