// The reader's walk through a published site, on the server or on the static site:
// home -> framework -> level -> compare -> role catalogue -> search, asserting what a reader
// sees, with a screenshot of each step.
//   node walk.mjs BASE_URL NAME ARTIFACT_DIR SEEDS_DIR
// BASE_URL is "http://127.0.0.1:PORT/" or "file:///.../site/".
import fs from 'node:fs';
import path from 'node:path';
import { launch, watchedPage, check, shot, urlOf } from './browser.mjs';

const [base, name, artifacts, seeds] = process.argv.slice(2);
const dir = path.join(artifacts, name);
const seedText = (prefix) =>
  fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).find((f) => f.startsWith(prefix))), 'utf8');

const browser = await launch();
const { page, problems } = await watchedPage(browser);
try {
  // Home: the frameworks, the role catalogue and a search box; keyboard: the skip link first.
  await page.goto(urlOf(base, 'index.html'));
  check((await page.getAttribute('html', 'lang')) === 'en', 'lang is not set');
  check(await page.isVisible('form[role=search] input#q'), 'no search box on home');
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement.className)) === 'skip',
        'first Tab does not reach the skip link');
  const names = await page.locator('.cards h2 a').allTextContents();
  check(names.length >= 3, `home lists ${names.length} frameworks`);
  await shot(page, dir, '1-home');

  // Framework of seed 001: levels x competencies, an undefined level shown with its note.
  const undefinedNote = 'This role has not yet been defined.';
  check(seedText('001_').includes(undefinedNote), 'seed 001 changed: note not in it');
  await page.click('.cards h2 a:has-text("Customer support career framework")');
  check(await page.isVisible('table.matrix'), 'no levels x competencies matrix');
  const headers = await page.locator('table.matrix thead th[scope=col]').allTextContents();
  check(headers.some((h) => h.startsWith('IC1')) && headers.some((h) => h.startsWith('IC6')),
        `matrix headers: ${headers.join(' | ')}`);
  check(await page.locator('table.matrix th.undefined:has-text("IC6")').count() === 1,
        'IC6 is not shown as undefined');
  check(await page.locator(`table.matrix td.undefined:has-text("${undefinedNote}")`).count() > 0,
        "the undefined level's note is not shown");
  await shot(page, dir, '2-framework');

  // Level page of seed 000: previous, current and next side by side, the current marked,
  // and what is new at this level marked.
  await page.goto(urlOf(base, 'index.html'));
  await page.click('.cards h2 a:has-text("Sr Individual Contributor Path")');
  await page.click('table.matrix thead a:has-text("sr-software-engineer-2")');
  const cols = await page.locator('table.levels3 thead th[scope=col]').allTextContents();
  check(cols.length === 4, `level page has ${cols.length} header cells`);
  check(cols[1].includes('Sr Software Engineer 1') && cols[2].includes('Sr Software Engineer 2') &&
        cols[3].includes('Sr Software Engineer 3'), `columns: ${cols.join(' | ')}`);
  check((await page.getAttribute('table.levels3 thead th.current', 'aria-current')) === 'page',
        'the current level is not marked');
  const current = await page.locator('table.levels3 thead th.current').textContent();
  check(current.includes('Sr Software Engineer 2'), `current column is ${current}`);
  const marks = await page.locator('table.levels3 td.current li.new, table.levels3 td.current li.changed').count();
  check(marks > 0, 'no new-at-this-level marks in the current column');
  check((await page.locator('table.levels3 td.current .badge-new').first().textContent()) === 'New',
        'new marks are not labelled');
  await shot(page, dir, '3-level');

  // Compare with the next level: added and reworded behaviours per competency.
  await page.click('.level-nav a:has-text("What changes at")');
  check(await page.isVisible('table.compare'), 'no compare table');
  const changes = await page.locator('table.compare ul.added li, table.compare ul.changed li').count();
  check(changes > 0, 'compare page shows no change');
  await shot(page, dir, '4-compare');

  // Compare across tracks from the form (seed 004 has IC and management paths).
  await page.goto(urlOf(base, 'index.html'));
  const ladder = page.locator('.cards h2 a:has-text("Customer Engineering Career Ladder")');
  if (await ladder.count()) {
    await ladder.click();
    await page.click('.fw-nav a:has-text("Compare levels")');
    const options = await page.locator('select#a option').evaluateAll(
      (os) => os.map((o) => ({ value: o.value, label: o.textContent })));
    const ic = options.find((o) => /IC|Individual/i.test(o.label));
    const mg = options.find((o) => /Manag/i.test(o.label));
    if (ic && mg) {
      await page.selectOption('select#a', ic.value);
      await page.selectOption('select#b', mg.value);
      await page.click('form.compare button');
      await page.waitForSelector('table.compare');
      check((await page.textContent('main')).includes('across tracks'), 'no cross-track compare');
      await shot(page, dir, '4b-compare-across-tracks');
    }
  }

  // Role catalogue of seed 002: 30 roles in 10 families, families x seniorities.
  await page.click('header.site a:has-text("Role catalogue")');
  const section = page.locator('section:has(h2:has-text("Role catalogue"))');
  check((await section.locator('p.count').textContent()).trim() === '30 roles in 10 families.',
        `catalogue count: ${await section.locator('p.count').textContent()}`);
  check(await section.locator('table.roles tbody tr').count() === 10, 'not 10 family rows');
  check(await section.locator('table.roles a.role').count() === 30, 'not 30 role links');
  await shot(page, dir, '5-roles');
  await section.locator('table.roles a.role').first().click();
  check(await page.isVisible('h1'), 'role page has no title');

  // Search: snippets that link to the level and competency.
  await page.goto(urlOf(base, 'index.html'));
  await page.fill('#q', 'observability');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results li.hit');
  const hits = await page.locator('#results li.hit').count();
  check(hits > 0, 'search found nothing');
  check((await page.locator('#results li.hit mark').first().textContent()).toLowerCase() ===
        'observability', 'search snippet does not mark the word');
  await shot(page, dir, '6-search');
  const href = await page.locator('#results li.hit a').first().getAttribute('href');
  check(/\.html#c-/.test(href) || /\.html/.test(href), `hit link ${href}`);
  await page.locator('#results li.hit a').first().click();
  await page.waitForLoadState();
  check(await page.isVisible('h1'), 'search hit leads nowhere');

  check(problems.length === 0, problems.join('\n'));
  console.log(`ok: ${name} walk`);
} catch (err) {
  await shot(page, dir, 'failure').catch(() => {});
  console.error(`FAIL (${name}): ${err.message}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
