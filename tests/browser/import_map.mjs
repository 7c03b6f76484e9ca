// The import page's mapping table in the browser, as an administrator uses it: upload a CSV
// whose levels are rows, see how Ladder read it (the map as a table) and the preview; change
// "Levels are" to columns, read the same file again without uploading it again, see the
// preview follow the map; then save the draft. Nothing is saved before the draft is.
//   node import_map.mjs BASE_URL ARTIFACT_DIR CSV_FILE
import path from 'node:path';
import { launch, watchedPage, check, shot } from './browser.mjs';

const [base, artifactRoot, csv] = process.argv.slice(2);
const artifacts = path.join(artifactRoot, 'import-map');
const browser = await launch();
const w = await watchedPage(browser);
const page = w.page;
const yaml = () => page.inputValue('#yaml');
try {
  await page.goto(new URL('login', base).href);
  await page.fill('#user', 'admin');
  await page.fill('#password', 'pw-admin-long');
  await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
  check(!page.url().includes('/login'), `admin could not sign in: ${page.url()}`);

  await page.goto(new URL('admin/import', base).href);
  await page.setInputFiles('#doc', csv);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Import and preview")')]);
  check(await page.isVisible('table#import-map'), 'no mapping table under the preview');
  const axis = page.locator('select[name="map.sheets.0.levels"]');
  check((await axis.inputValue()) === 'rows', `guessed levels are ${await axis.inputValue()}`);
  let text = await yaml();
  check(text.includes('title: Beginner') && text.includes('name: Negotiation'),
        'the first preview is not the guessed reading');
  await shot(page, artifacts, '1-guessed');

  await axis.selectOption('columns');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Read again with this map")')]);
  check((await page.locator('select[name="map.sheets.0.levels"]').inputValue()) === 'columns',
        'the changed map is not shown');
  text = await yaml();
  check(text.includes('title: Negotiation') && text.includes('name: Beginner'),
        `the preview does not follow the map:\n${text.slice(0, 600)}`);
  check(await page.isVisible('h1:has-text("Import sales_rows.csv")'), 'the file name is lost');
  await shot(page, artifacts, '2-mapped');

  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save as draft")')]);
  if (await page.isVisible('text=Check the findings below')) {
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save as draft")')]);
  }
  check(await page.isVisible('text=Saved as a draft'), 'the draft was not saved');
  await shot(page, artifacts, '3-saved');
  check(w.problems.length === 0, w.problems.join('\n'));
} finally {
  await browser.close();
}
console.log('import_map.mjs: ok');
