// The reader's walk through a published site, on the server or on the static site:
// home -> framework -> level -> compare -> role catalogue -> search, asserting what a reader
// sees, with a screenshot of each step.
//   node walk.mjs BASE_URL NAME ARTIFACT_DIR SEEDS_DIR
// BASE_URL is "http://127.0.0.1:PORT/" or "file:///.../site/".
import fs from 'node:fs';
import path from 'node:path';
import { launch, watchedPage, check, shot, urlOf, follow } from './browser.mjs';

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
  // One framework per seed, each under the name its document gives.
  const names = await page.locator('.cards h2 a').allTextContents();
  check(names.length === 5, `home lists ${names.length} frameworks, not the five seeds: ${names.join(' | ')}`);
  for (const [seed, title] of [['000_', 'Sr Individual Contributor Path'],
                               ['001_', 'Customer support career framework'],
                               ['003_', 'CE Career Development Framework'],
                               ['004_', 'Customer Engineering Career Ladder']]) {
    check(seedText(seed).includes(title), `seed ${seed} changed: "${title}" not in it`);
    check(names.includes(title), `home does not list "${title}" (seed ${seed}): ${names.join(' | ')}`);
  }
  await shot(page, dir, '1-home');

  // Framework of seed 001: levels x competencies, an undefined level shown with its note.
  const undefinedNote = 'This role has not yet been defined.';
  check(seedText('001_').includes(undefinedNote), 'seed 001 changed: note not in it');
  await follow(page, '.cards h2 a:has-text("Customer support career framework")');
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
  await follow(page, '.cards h2 a:has-text("Sr Individual Contributor Path")');
  await follow(page, 'table.matrix thead a:has-text("sr-software-engineer-2")');
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
  await follow(page, '.level-nav a:has-text("What changes at")');
  check(await page.isVisible('table.compare'), 'no compare table');
  const changes = await page.locator('table.compare ul.added li, table.compare ul.changed li').count();
  check(changes > 0, 'compare page shows no change');
  await shot(page, dir, '4-compare');

  // Compare across tracks from the form: seed 004 has an IC path and a management path. The
  // pair is one the site has a page for (the static site lists its pages in data-pages; the
  // server has every pair).
  await page.goto(urlOf(base, 'index.html'));
  await follow(page, '.cards h2 a:has-text("Customer Engineering Career Ladder")');
  await follow(page, '.fw-nav a:has-text("Compare levels")');
  const options = await page.locator('select#a option').evaluateAll(
    (os) => os.map((o) => ({ value: o.value, label: o.textContent })));
  const pages = await page.getAttribute('form.compare', 'data-pages');
  check(base.startsWith('http') ? pages === null : pages !== null,
        `data-pages ${pages === null ? 'missing on the static site' : 'present on the server'}`);
  const icPath = (o) => /^IC Path/i.test(o.label);
  const mgPath = (o) => /^Management Path/i.test(o.label);
  check(options.some(icPath) && options.some(mgPath),
        `no IC and management levels to compare: ${options.map((o) => o.label).join(' | ')}`);
  let pair = null;
  for (const a of options.filter(icPath)) {
    for (const b of options.filter(mgPath)) {
      if (!pair && (pages === null || pages.split(' ').includes(`${a.value}--${b.value}`))) pair = [a, b];
    }
  }
  check(pair, `no IC -> management comparison among the pages: ${pages}`);
  if (pages !== null) {
    // A pair the static site has no page for: the form says so and stays on the page.
    const all = options.flatMap((a) => options.map((b) => [a, b])).filter(([a, b]) => a.value !== b.value);
    const missing = all.find(([a, b]) => !pages.split(' ').includes(`${a.value}--${b.value}`));
    check(missing, 'the static site has every pair: nothing to check');
    const before = page.url();
    await page.selectOption('select#a', missing[0].value);
    await page.selectOption('select#b', missing[1].value);
    await page.click('form.compare button');
    await page.waitForFunction(() => document.querySelector('.compare-missing').textContent.length > 0);
    check(page.url() === before, `the form left the page for a missing pair: ${page.url()}`);
    check((await page.textContent('.compare-missing')).includes('ladder serve'),
          'the message does not point to ladder serve');
  }
  await page.selectOption('select#a', pair[0].value);
  await page.selectOption('select#b', pair[1].value);
  await page.click('form.compare button');
  await page.waitForSelector('table.compare');
  check(page.url().includes(`${pair[0].value}--${pair[1].value}.html`), `compare form went to ${page.url()}`);
  const summary = await page.textContent('main > p:has-text("across tracks")');
  const counts = summary.match(/(\d+) behaviours? added, (\d+) reworded, (\d+) removed/);
  check(counts, `cross-track summary: ${summary}`);
  const [added, reworded, removed] = counts.slice(1).map(Number);
  check(added + reworded + removed > 0, `nothing changes from ${pair[0].label} to ${pair[1].label}`);
  check(await page.locator('table.compare ul.added > li').count() === added, 'added count differs from the list');
  check(await page.locator('table.compare ul.changed > li').count() === reworded, 'reworded count differs');
  check(await page.locator('table.compare ul.removed > li').count() === removed, 'removed count differs');
  check(await page.locator('table.compare ul.added .badge-new').count() === added, 'added items not labelled');
  if (reworded > 0) {
    check(await page.locator('table.compare ul.changed ins, table.compare ul.changed del').count() > 0,
          'reworded behaviours have no word-level marks');
  }
  check(await page.locator('h1').textContent() === `${pair[0].label.split(' — ')[1]} → ${pair[1].label.split(' — ')[1]}`,
        `compare title: ${await page.locator('h1').textContent()}`);
  await shot(page, dir, '4b-compare-across-tracks');

  // Role catalogue of seed 002: 30 roles in 10 families, families x seniorities.
  await follow(page, 'header.site a:has-text("Role catalogue")');
  const section = page.locator('section:has(h2:has-text("Role catalogue"))');
  check((await section.locator('p.count').textContent()).trim() === '30 roles in 10 families.',
        `catalogue count: ${await section.locator('p.count').textContent()}`);
  const grid = await section.locator('table.roles').evaluate((t) => ({
    seniorities: [...t.querySelectorAll('thead th[scope=col]')].slice(1).map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({
      family: tr.querySelector('th[scope=row]').textContent.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) =>
        [...td.querySelectorAll('a.role')].map((a) => ({ title: a.textContent.trim(), href: a.getAttribute('href') }))),
    })),
  }));
  check(grid.rows.length === 10, `${grid.rows.length} family rows, not 10`);
  check(new Set(grid.rows.map((r) => r.family)).size === 10, 'family rows are not 10 distinct families');
  const links = grid.rows.flatMap((r) => r.cells.flat());
  check(links.length === 30, `${links.length} role links, not 30`);
  check(new Set(links.map((l) => l.href)).size === 30, 'role links do not lead to 30 distinct pages');
  check(grid.rows.every((r) => r.cells.length === grid.seniorities.length), 'rows and seniority columns differ');
  check(grid.seniorities.length >= 3, `seniority columns: ${grid.seniorities.join(' | ')}`);
  check(grid.rows.every((r) => r.cells.some((c) => c.length > 0)), 'a family row without roles');
  await shot(page, dir, '5-roles');

  // A role page: its title, family, seniority and summary, as the catalogue and seed 002 say.
  const row = grid.rows.find((r) => r.cells.some((c) => c.length > 0));
  const col = row.cells.findIndex((c) => c.length > 0);
  const role = row.cells[col][0];
  await section.locator(`table.roles a.role:text-is("${role.title}")`).first().click();
  await page.waitForSelector('h1');
  check((await page.textContent('h1')).trim() === role.title, `role page title: ${await page.textContent('h1')}`);
  const meta = (await page.textContent('main p.meta')).trim();
  check(meta === `${row.family} · ${grid.seniorities[col]}`, `role page family · seniority: ${meta}`);
  const roleSummary = (await page.textContent('main .summary')).replace(/\s+/g, ' ').trim();
  check(roleSummary.length > 40, `role summary: "${roleSummary}"`);
  const seed002 = seedText('002_').replace(/\s+/g, ' ');
  check(seed002.includes(roleSummary.slice(0, 40)), `role summary not from seed 002: "${roleSummary.slice(0, 40)}"`);
  check(seed002.includes(role.title), `role title not in seed 002: ${role.title}`);

  // Search: snippets that link to the level page, at the competency's anchor.
  await page.goto(urlOf(base, 'index.html'));
  await page.fill('#q', 'observability');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results li.hit');
  const hits = await page.locator('#results li.hit').count();
  check(hits > 0, 'search found nothing');
  check((await page.locator('#results li.hit mark').first().textContent()).toLowerCase() ===
        'observability', 'search snippet does not mark the word');
  await shot(page, dir, '6-search');
  const hit = page.locator('#results li.hit:has(.kind:text-is("behaviour"))').first();
  check(await hit.count() === 1, 'no behaviour among the hits');
  const href = await hit.locator('a').getAttribute('href');
  const anchor = href.match(/(?:^|\/)f\/[^/]+\/[^/]+\/[^/#]+\.html#(c-[a-z0-9-]+)$/);
  check(anchor, `hit link is not a level page with a competency anchor: ${href}`);
  const hitTitle = (await hit.locator('a').textContent()).trim();
  await hit.locator('a').click();
  await page.waitForLoadState();
  check(new URL(page.url()).hash === `#${anchor[1]}`, `hit led to ${page.url()}`);
  const target = page.locator(`tr#${anchor[1]}`);
  check(await target.count() === 1, `the level page has no row ${anchor[1]}`);
  check(await page.evaluate(() => document.querySelector(':target')?.id) === anchor[1],
        'the competency row is not the target');
  const rowHead = (await target.locator('th[scope=row]').textContent()).trim();
  check(hitTitle.split(' · ').some((part) => rowHead.startsWith(part.trim())),
        `hit "${hitTitle}" landed on row "${rowHead}"`);
  check((await target.locator('td.current').textContent()).toLowerCase().includes('observability'),
        'the current level does not say observability in that competency');
  const box = await target.boundingBox();
  check(box && box.y >= -1 && box.y < 1000, `the competency row is not in view (y=${box && box.y})`);

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
