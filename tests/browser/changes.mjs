// A change request in Chromium, at one width (1280 or 390 px): an author of the people team
// proposes a draft from the frameworks page, a second member finds it in her inbox, asks for
// changes, is answered and approves it, and the author publishes it; every page on the way is
// checked with axe-core (serious and critical violations) and must not scroll sideways.
//   node changes.mjs BASE_URL FRAMEWORK VERSION WIDTH ARTIFACTS
import { launch, check, shot, follow, axeViolations, sidewaysOverflow } from './browser.mjs';

const [base, framework, version, widthText, artifacts] = process.argv.slice(2);
const width = Number(widthText);
const viewport = { width, height: width < 600 ? 844 : 800 };
const browser = await launch();
const problems = [];
const pages = [];

async function signedIn(user) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`script error on ${page.url()}: ${err.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog on ${page.url()}`); await d.dismiss(); });
  pages.push(page);
  await page.goto(new URL('login', base).href);
  await page.fill('#user', user);
  await page.fill('#password', `pw-${user}-long`);
  await follow(page, 'button[type=submit]');
  check(!page.url().includes('/login'), `${user} could not sign in`);
  return page;
}

// The page as people meet it: no serious or critical axe violation, no sideways scrolling.
async function inspect(page, name) {
  const label = `${name} at ${width} px (${new URL(page.url()).pathname})`;
  const wide = await sidewaysOverflow(page);
  check(!wide, `${label} scrolls sideways: ${wide}`);
  const violations = await axeViolations(page);
  check(violations.length === 0, `${label}: ${violations.join('\n')}`);
  await shot(page, artifacts, `changes-${width}-${name}`);
}

const text = (page) => page.textContent('main');

try {
  // The author proposes the draft from the frameworks page.
  const author = await signedIn('hrp');
  await author.goto(new URL('admin/frameworks', base).href);
  await inspect(author, 'frameworks');
  await follow(author, `a[href="/admin/frameworks/${framework}/${version}/publish#propose"]`);
  await inspect(author, 'publish');
  await author.fill('#propose-title', `Associate engineers write down what they learn (${version})`);
  await author.fill('#propose-reason', 'Agreed by the engineering committee: new joiners learn faster when they write it down.');
  await follow(author, 'form[action="/admin/changes"] button[type=submit]');
  const request = new URL(author.url()).pathname;
  check(/^\/admin\/changes\/[^/]+$/.test(request), `proposing went to ${author.url()}`);
  let seen = await text(author);
  check(seen.includes('Proposed for review.'), 'no notice after proposing');
  check(seen.includes('proposed by Hana Rowe on'), 'the author is not named');
  check(seen.includes('You proposed this request, so someone else approves it'), 'the author is not told why she cannot approve');
  check(!(await author.$('form[action$="/approve"]')), 'the author is offered the approve button');
  check(seen.includes('1 level changed'), `the page does not say what changes: ${seen.slice(0, 400)}`);
  check(!/\d\d:\d\d:\d\d/.test(seen), 'a time with seconds is shown');
  await inspect(author, 'request-proposed');

  // The reviewer finds it in her inbox and asks for changes.
  const reviewer = await signedIn('hrq');
  await reviewer.goto(new URL('inbox', base).href);
  check((await text(reviewer)).includes('Hana Rowe proposed'), 'the reviewer was not told');
  await inspect(reviewer, 'inbox');
  await follow(reviewer, `ul.inbox a[href="${request}"]`);
  check(new URL(reviewer.url()).pathname === request, `the inbox led to ${reviewer.url()}`);
  await inspect(reviewer, 'request-review');
  await reviewer.fill('#review-text', 'Say where they write it down.');
  await follow(reviewer, 'button[formaction$="/request_changes"]');
  check((await text(reviewer)).includes('You asked for changes.'), 'no notice after asking for changes');

  // The author answers; the reviewer approves.
  await author.goto(new URL(request, base).href);
  check((await text(author)).includes('Quinn Reviewer asked for changes on'), 'the history does not name the reviewer');
  check(!(await author.$('form[action$="/publish"]')), 'publishing is offered before approval');
  await author.fill('#review-text', 'In the team channel, as E1 already says.');
  await follow(author, 'form.stack button[type=submit]:not([formaction])');
  await reviewer.goto(new URL(request, base).href);
  await follow(reviewer, 'form[action$="/approve"] button');
  seen = await text(reviewer);
  check(seen.includes('You approved it.'), 'no notice after approving');
  check(seen.includes('approved'), 'the status does not say approved');

  // The people team publishes it; reloading publishes nothing again.
  await author.goto(new URL(request, base).href);
  await inspect(author, 'request-approved');
  await follow(author, 'form[action$="/publish"] button');
  check(new URL(author.url()).pathname === request, `publishing went to ${author.url()}`);
  await author.reload({ waitUntil: 'load' });
  seen = await text(author);
  check(seen.includes('Published by Hana Rowe on'), `the page does not say who published it: ${seen.slice(0, 300)}`);
  check(seen.includes('History: 3 reviews'), 'the history does not count three reviews');
  await inspect(author, 'request-published');
  await author.goto(new URL('admin/changes', base).href);
  await inspect(author, 'list');
  check(problems.length === 0, problems.join('\n'));
  console.log(`ok: proposed, reviewed, approved and published ${framework} ${version} at ${width} px`);
} catch (err) {
  console.error(`FAIL (changes at ${width} px): ${err.message}`);
  for (const [i, p] of pages.entries()) await shot(p, artifacts, `changes-${width}-failure-${i}`).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
