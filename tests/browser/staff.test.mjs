// A trust administrator imports a staff list in each engine (engines.mjs): the Staff screen's
// button opens the browser's file picker, the chosen CSV is checked by the core before anything
// changes, one click imports it, and the server keeps it (a reload shows the new people).
import { launch, skipUnlessSelected } from './engines.mjs';
import { startServer, shot, run, assert, assertNoErrors, appState, widgetCentre } from './harness.mjs';

skipUnlessSelected();
const server = await startServer(['--demo-staff', '40']);
const browser = await launch(server.url);

// The Import button pressed, and the file a person would pick handed to the picker the app opened
// (as Playwright's setInputFiles would, in every engine's driver alike).
async function importFile(page, name, text) {
  await page.evaluate(() => { window.shiftbankTest.fileInput = null; });
  const at = await widgetCentre(page, '\uf093  Import a staff list');
  assert(at, 'no Import button on the Staff screen');
  await page.click(at.x, at.y);
  await page.waitFor(() => !!window.shiftbankTest.fileInput, undefined, { what: 'the file picker' });
  assert(await page.evaluate(([n, t]) => {
    const files = new DataTransfer();
    files.items.add(new File([t], n, { type: 'text/csv' }));
    const input = window.shiftbankTest.fileInput;
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    return true;
  }, [name, text]), 'no file input to pick with');
}

await run([
  ['an administrator imports a staff list: checked first, a bad row refused, then imported and kept by the server', async () => {
    const page = await browser.open({ viewport: { width: 1280, height: 800 }, query: '?role=admin&view=staff' });
    await page.waitReady();
    const before = (await appState(page)).staff;
    const ward = 'w01';
    const header = '\ufeffAssignment No.,Full Name,Staff Group,Band,Organisation,DBS Expiry Date\r\n';
    const bad = header + `91000001,"Okafor, Chidi",Nursing and Midwifery Registered,Band 5,${ward},31/03/2027\r\n` +
      `91000002,Zoë Łukasz,Healthcare assistant,Band 12,${ward},\r\n`;
    await importFile(page, 'esr-staff.csv', bad);
    await page.waitFor(() => !!window.shiftbankTest.itemRect('Cancel##import'), undefined, { what: 'the import preview' });
    await page.screenshot(shot('staff-import-refused-1280x800.png'));
    // The import button is there but does nothing while a row is wrong.
    let at = await widgetCentre(page, '\uf00c  Import: 1 to add, 0 to update');
    assert(at, 'no Import button in the preview');
    await page.click(at.x, at.y);
    await page.sleep(300);
    assert((await appState(page)).staff === before, 'a list with a bad row changed the staff');

    const good = bad.replace('Band 12', 'Band 3');
    await importFile(page, 'esr-staff.csv', good);
    await page.waitFor(() => !!window.shiftbankTest.itemRect('\uf00c  Import: 2 to add, 0 to update'), undefined, { what: 'a clean preview' });
    await page.screenshot(shot('staff-import-ready-1280x800.png'));
    at = await widgetCentre(page, '\uf00c  Import: 2 to add, 0 to update');
    await page.click(at.x, at.y);
    const done = await page.waitFor(() => { const s = window.shiftbankTest.state(); return s.pending === 0 && s.message.startsWith('Imported') && s; },
      undefined, { what: 'the import confirmed', timeout: 15000 });
    assert(done.message === 'Imported the staff list: 2 added, 0 updated', 'message ' + done.message);
    assert(done.staff === before + 2, `staff ${before} then ${done.staff}`);
    // Kept by the server: a fresh page has them.
    await page.reload();
    await page.waitReady();
    await page.waitFor(() => window.shiftbankTest.state().loaded, undefined, { what: 'the reloaded page' });
    const after = await appState(page);
    assert(after.staff === before + 2, `after a reload: ${after.staff} staff, expected ${before + 2}`);
    console.log(`     imported 2 people (a bad row refused first); ${before} -> ${after.staff} staff, kept after a reload`);
    await assertNoErrors(page);
    await page.close();
  }],
]);

await browser.close();
await server.stop();
