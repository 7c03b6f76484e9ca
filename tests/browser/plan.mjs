// A growth plan in Chromium, as a manager and their report keep it: the manager agrees an
// action on the report's page at 1280 px; the report, on a 390 px phone, finds it on My growth
// with the competency and level by name, marks it done and records a check-in; the page never
// scrolls sideways; the CSV downloads with the action; printing leaves the forms out. Hostile
// text stays text.
//   node plan.mjs BASE_URL ARTIFACTS MANAGER EMPLOYEE PASSWORD
import path from 'node:path';
import { launch, watchedPage, check, shot, follow } from './browser.mjs';

const [base, artifactRoot, manager, employee, password] = process.argv.slice(2);
const artifacts = path.join(artifactRoot, 'plan');
const HOSTILE = '<img src=x onerror=alert(1)>';
const browser = await launch();
let step = 'start';

async function signIn(page, user) {
  await page.goto(new URL('login', base).href);
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', password);
  await follow(page, 'button[type=submit]');
}

async function noSidewaysScroll(page, what) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  check(scroll <= client + 1, `${what} scrolls sideways: ${scroll} px wide in ${client} px`);
}

const desk = await watchedPage(browser);
const phone = await watchedPage(browser);
try {
  step = 'the manager agrees an action';
  await signIn(desk.page, manager);
  await desk.page.goto(new URL(`people/${employee}`, base).href);
  const plan = desk.page.locator('section.plan');
  check(await plan.count() === 1, 'the growth page has no growth plan section');
  check((await plan.textContent()).includes('No actions agreed yet'), 'a new plan is not empty');
  await desk.page.fill('#pa-title', `Run the next incident review ${HOSTILE}`);
  const competency = await desk.page.$eval('#pa-comp option:nth-child(2)', (o) => o.textContent);
  await desk.page.selectOption('#pa-comp', { index: 1 });
  const target = await desk.page.$eval('#pa-target', (s) => s.selectedOptions[0].textContent);
  check(target !== '(no level)', 'the next level is not chosen as the target by default');
  await desk.page.fill('#pa-due', '2027-03-31');
  await follow(desk.page, 'form[action$="/plan"] button[type=submit]');
  check((await desk.page.textContent('.flash, [role=status]')).includes('added to the growth plan'),
        'no confirmation after agreeing the action');
  const row = desk.page.locator('table.plan-actions tbody tr').first();
  const text = await row.textContent();
  check(text.includes(competency.trim()), `the action does not name the competency ${competency}`);
  check(text.includes(target.split(':').pop().trim()), `the action does not name the level ${target}`);
  check(text.includes('Open'), 'the new action is not open');
  await shot(desk.page, artifacts, 'manager-1280');

  step = 'the report marks it done on a phone';
  await phone.page.setViewportSize({ width: 390, height: 844 });
  await signIn(phone.page, employee);
  await phone.page.goto(new URL('me', base).href);
  await noSidewaysScroll(phone.page, 'My growth with a plan');
  const mine = phone.page.locator('table.plan-actions tbody tr').first();
  check((await mine.textContent()).includes('Run the next incident review'), 'the report does not see the action');
  check(await phone.page.locator('img[src=x]').count() === 0, 'hostile text became an element');
  await follow(phone.page, 'table.plan-actions button[value=done]');
  check((await phone.page.locator('table.plan-actions tbody tr').first().textContent()).includes('Done'),
        'the action is not done');

  step = 'the report records a check-in';
  await phone.page.click('section.plan details:has(#ci-date) summary');
  await phone.page.fill('#ci-self', 'The review went well; I want to lead the next one alone.');
  await phone.page.fill('#ci-outcome', 'Lead the February review alone');
  await phone.page.fill('#ci-next', '2027-03-01');
  await follow(phone.page, 'form[action$="/checkins"] button[type=submit]');
  const checkin = await phone.page.textContent('ol.checkins li');
  check(checkin.includes('Lead the February review alone'), 'the check-in does not show what was agreed');
  const timeline = await phone.page.textContent('ol.timeline');
  for (const word of ['Check-in', 'Action done', 'Action agreed', 'Level'])
    check(timeline.includes(word), `the timeline lacks "${word}"`);
  await noSidewaysScroll(phone.page, 'My growth with a plan and a check-in');
  await shot(phone.page, artifacts, 'employee-390');

  step = 'the CSV and the print view';
  const csv = await desk.page.request.get(new URL(`people/${employee}/plan.csv`, base).href);
  check(csv.status() === 200, `the CSV answered ${csv.status()}`);
  const body = await csv.text();
  check(body.startsWith('id,title,competency,target,due,status'), `the CSV header is ${body.slice(0, 60)}`);
  check(body.includes(',done,'), 'the CSV does not say the action is done');
  await desk.page.reload();
  await desk.page.emulateMedia({ media: 'print' });
  const forms = await desk.page.$$eval('section.plan form, section.plan details.form',
    (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
  check(forms === 0, `${forms} plan forms show when printing`);
  check(await desk.page.isVisible('table.plan-actions'), 'the plan does not print');
  await desk.page.emulateMedia({ media: 'screen' });

  for (const { problems } of [desk, phone]) check(problems.length === 0, problems.join('\n'));
  console.log('ok: agreeing an action, marking it done on a phone, a check-in, the timeline, CSV, print');
} catch (err) {
  console.error(`FAIL (plan, ${step}): ${err.message}`);
  await shot(desk.page, artifacts, 'failure-desk').catch(() => {});
  await shot(phone.page, artifacts, 'failure-phone').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
