// The structured editor of a framework in the browser, as an author of the people team uses it
// on a full-size framework (examples/engineering.yaml, stored as a draft): rename a competency,
// add a level (an empty and then a duplicate code are found while typing, beside the field) and
// a behaviour in it, move a requirement up with the keyboard, remove a behaviour, look at the
// YAML text and come back, save the draft; then the stored framework (read through the API)
// differs from the one before in exactly those edits. The page is checked with axe (no serious
// or critical violation) and for page-level horizontal scrolling at 1280 px and 390 px.
//   node structured_editor.mjs BASE_URL ARTIFACT_DIR
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { launch, watchedPage, check, shot, axeViolations, sidewaysOverflow } from './browser.mjs';

const [base, artifactRoot] = process.argv.slice(2);
const artifacts = path.join(artifactRoot, 'structured-editor');
const browser = await launch();
const w = await watchedPage(browser);
const page = w.page;
const at = (p) => `[data-path="${p}"]`;

async function accessibility(label) {
  const bad = await axeViolations(page);
  check(bad.length === 0, `${label}: axe: ${bad.join('\n')}`);
  const wide = await sidewaysOverflow(page);
  check(!wide, `${label}: the page scrolls sideways, ${wide}`);
}
async function openItem(p) {
  const details = page.locator(`details${at(p)}`);
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
}
async function settled() {
  await page.waitForFunction(() => !/Checking|Reading/.test(document.querySelector('.editor-status').textContent));
}
async function api() {
  const r = await page.request.get(new URL('api/v1/frameworks/engineering?version=2025.1', base).href);
  check(r.ok(), `the API answered ${r.status()}`);
  return r.json();
}

try {
  await page.goto(new URL('login', base).href);
  await page.fill('#user', 'hr');
  await page.fill('#password', 'pw-hr-long');
  await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
  check(!page.url().includes('/login'), `hr could not sign in: ${page.url()}`);
  const before = await api();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(new URL('admin/frameworks/engineering/edit', base).href);
  await page.waitForSelector(at('tracks.0.levels.0'), { state: 'attached' });
  await settled();
  check(await page.isHidden('#yaml'), 'the YAML text is shown in form mode');
  const links = await page.locator('.draft-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  check(links.includes('/admin/frameworks/engineering/2025.1/preview/f/engineering/index.html') &&
        links.includes('/admin/frameworks/engineering/2025.1/publish'), `draft links: ${links}`);
  const ic = before.tracks.findIndex((t) => t.id === 'ic');
  const levels = before.tracks[ic].levels.length;
  const level = `tracks.${ic}.levels`;

  // Rename a competency.
  await openItem('competencies.1');
  await page.fill(at('competencies.1.name'), 'Engineering Craft');

  // Add a level: its empty code is found, then a duplicate one, beside the field.
  await openItem(`tracks.${ic}`);
  await page.click(`[data-key="add:${level}"]`);
  const added = `${level}.${levels}`;
  const code = page.locator(at(`${added}.code`));
  check(await code.evaluate((e) => e === document.activeElement), 'the new level\'s code is not focused');
  const finding = page.locator(`[data-field="${added}.code"] > .se-finding`);
  await finding.waitFor({ state: 'visible' });
  await code.type('E1', { delay: 30 });
  await page.waitForFunction((sel) => /E1/.test(document.querySelector(sel)?.textContent || ''),
                             `[data-field="${added}.code"] > .se-finding`);
  check((await code.getAttribute('aria-describedby')) === await finding.getAttribute('id'),
        'the finding is not tied to its field');
  await shot(page, artifacts, '1-duplicate-code');
  await code.fill('E9');
  await page.fill(at(`${added}.title`), 'Distinguished Engineer');
  await settled();
  check(!/duplicate|without/.test(await finding.textContent()),
        `a finding stays on the corrected code: ${await finding.textContent()}`);

  // A behaviour in the new level, which then expects something.
  await page.click(`[data-key="add:${added}.expectations.delivery"]`);
  await page.keyboard.type('Sets the technical direction of the company.');
  await settled();
  check(!/no summary/.test(await finding.textContent()),
        `the new level still says it has nothing: ${await finding.textContent()}`);

  // Move E2's second requirement up, with the keyboard.
  await openItem(`${level}.1`);
  await page.focus(`[data-key="up:${level}.1.requirements.1"]`);
  await page.keyboard.press('Enter');
  check(await page.locator(`[data-key="down:${level}.1.requirements.0"]`).evaluate((e) => e === document.activeElement),
        'the focus did not follow the moved requirement');

  // Remove E1's second delivery behaviour.
  await openItem(`${level}.0`);
  await page.click(`[data-key="remove:${level}.0.expectations.delivery.1"]`);
  await settled();
  check((await page.textContent('.editor-status')).includes('save the draft'), await page.textContent('.editor-status'));
  await accessibility('1280 px');
  await shot(page, artifacts, '2-edited-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await accessibility('390 px');
  await shot(page, artifacts, '3-edited-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The YAML text has the edits; coming back keeps them.
  await page.click('button[data-mode="yaml"]');
  await page.waitForSelector('#yaml', { state: 'visible' });
  const yaml = await page.inputValue('#yaml');
  check(yaml.includes('name: Engineering Craft') && yaml.includes('code: E9'), 'the YAML text lacks the edits');
  await accessibility('YAML mode');
  await page.click('button[data-mode="form"]');
  await page.waitForSelector(at(`${added}.code`), { state: 'attached' });
  await settled();

  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save as draft")')]);
  if (await page.isVisible('text=Check the findings below')) {
    await page.waitForSelector(at('tracks.0.levels.0'), { state: 'attached' });
    await settled();
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save as draft")')]);
  }
  check(await page.isVisible('text=Saved as a draft'), 'the draft was not saved');
  await shot(page, artifacts, '4-saved');

  // Exactly those edits.
  const after = await api();
  const expected = structuredClone(before);
  expected.competencies[1].name = 'Engineering Craft';
  const e2 = expected.tracks[ic].levels[1].requirements;
  e2.splice(0, 2, e2[1], e2[0]);
  expected.tracks[ic].levels[0].expectations.delivery.splice(1, 1);
  const newLevel = after.tracks[ic].levels.pop();
  check(newLevel.code === 'E9' && newLevel.title === 'Distinguished Engineer' &&
        newLevel.rank === before.tracks[ic].levels[levels - 1].rank + 1 &&
        isDeepStrictEqual(newLevel.expectations, { delivery: ['Sets the technical direction of the company.'] }),
        `the new level: ${JSON.stringify(newLevel)}`);
  check(isDeepStrictEqual(after, expected),
        `the saved framework differs from the edits:\n${JSON.stringify(after).slice(0, 300)}`);
  check(w.problems.length === 0, w.problems.join('\n'));
} finally {
  await browser.close();
}
console.log('structured_editor.mjs: ok');
