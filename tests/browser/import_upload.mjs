// The import page with several files, as an administrator uses it, at 1280 px and at 390 px:
// upload the files at once, see one framework with the passages not imported named by file,
// choose what one passage becomes (a behaviour of a competency at a level) and what every other
// becomes (a note), apply the choices (the files are read again without uploading them again),
// see the report and the framework follow; then save the draft. Each page is checked with axe
// (no serious or critical violation) and for sideways scrolling; screenshots of each step.
//   node import_upload.mjs BASE_URL ARTIFACT_DIR PASSAGE COMPETENCY LEVEL FILE...
// PASSAGE is the text of a passage the files leave out, which becomes a behaviour of COMPETENCY
// (an id) at LEVEL ("track/code").
import path from 'node:path';
import { launch, check, shot, axeViolations, sidewaysOverflow } from './browser.mjs';

const [base, artifactRoot, passage, competency, level, ...files] = process.argv.slice(2);
const artifacts = path.join(artifactRoot, 'import-upload');
const browser = await launch();

// No serious or critical axe violation, and no sideways scrolling.
async function accessibility(page, label) {
  const found = await axeViolations(page);
  check(found.length === 0, `${label}: axe:\n${found.join('\n')}`);
  const wide = await sidewaysOverflow(page);
  check(!wide, `${label}: the page scrolls sideways, ${wide}`);
}

async function walk(width, save) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  const at = `${width} px`;
  const yaml = () => page.inputValue('#yaml');
  try {
    await page.goto(new URL('login', base).href);
    await page.fill('#user', 'admin');
    await page.fill('#password', 'pw-admin-long');
    await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
    check(!page.url().includes('/login'), `admin could not sign in: ${page.url()}`);

    await page.goto(new URL('admin/import', base).href);
    await accessibility(page, `${at} upload form`);
    await page.setInputFiles('#doc', files);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Import and preview")')]);
    check(await page.isVisible('table#not-imported'), `${at}: no passages not imported listed`);
    for (const f of files) {
      const name = path.basename(f);
      check(await page.isVisible(`h1:has-text("${name}")`), `${at}: the heading does not name ${name}`);
    }
    const row = page.locator('table#not-imported tbody tr', { hasText: passage });
    check((await row.count()) === 1, `${at}: the passage is not listed once: ${passage}`);
    check((await row.locator('td').first().innerText()).trim() === path.basename(files[0]),
          `${at}: the passage is not named by its file`);
    const before = await page.locator('#coverage + p').innerText();
    await accessibility(page, `${at} preview`);
    await shot(page, artifacts, `${width}-1-preview`);

    await row.locator('select[name$=".use"]').selectOption('behaviour');
    await row.locator('select[name$=".competency"]').selectOption(competency);
    await row.locator('select[name$=".level"]').selectOption(level);
    await page.selectOption('#all\\.use', 'note');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Apply these choices")')]);
    const text = await yaml();
    check(text.includes(`- ${passage}`), `${at}: the passage is not a behaviour:\n${text.slice(0, 800)}`);
    check(text.includes('title: Kept from '), `${at}: the other passages are not kept as notes`);
    const after = await page.locator('#coverage + p').innerText();
    check(after !== before, `${at}: the report did not change: ${after}`);
    check(/; 0 still are/.test(await page.locator('#choices').innerText()),
          `${at}: passages are still left out`);
    check((await page.locator('table#not-imported tbody tr', { hasText: passage })
      .locator('select[name$=".use"]').inputValue()) === 'behaviour', `${at}: the choice is not kept`);
    await accessibility(page, `${at} choices applied`);
    await shot(page, artifacts, `${width}-2-chosen`);

    if (save) {
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save as draft")')]);
      if (await page.isVisible('text=Check the findings below')) {
        await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save as draft")')]);
      }
      check(await page.isVisible('text=Saved as a draft'), `${at}: the draft was not saved`);
      await shot(page, artifacts, `${width}-3-saved`);
    }
    check(problems.length === 0, problems.join('\n'));
  } finally {
    await context.close();
  }
}

try {
  await walk(390, false);
  await walk(1280, true);
} finally {
  await browser.close();
}
console.log('import_upload.mjs: ok');
