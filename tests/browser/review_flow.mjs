// The whole review process of the plain-text ladder (seed 004) in the browser, as the people who
// do it: the employee logs evidence (SME sign-offs that name their signers, not counted until
// each signer confirms theirs) and self-assesses; the manager opens a review, fills the
// portfolio and names the panel; the reviewers confirm their sign-offs and vote; the director
// decides; the employee's level changes and their growth page shows the new next level. Hostile text typed into the forms on
// the way must stay text on every page (no script, no dialog, no injected element).
//   node review_flow.mjs BASE_URL ARTIFACT_DIR
import path from 'node:path';
import { launch, watchedPage, check, shot } from './browser.mjs';

const [base, artifactRoot] = process.argv.slice(2);
const artifacts = path.join(artifactRoot, 'review');
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';
// The reviewers who sign off skills, by the names of tests/cli/browser_review_test.sh.
const SIGNERS = { p1: 'Pam One', p2: 'Pat Two' };
const browser = await launch();
const problems = [];
let step = 'start';

// Elements and attributes a page must never carry when its data came from users.
async function injected(page) {
  return page.evaluate(() => {
    const bad = [];
    for (const s of document.querySelectorAll('script')) if (!s.src) bad.push('inline script');
    for (const tag of ['iframe', 'object', 'embed']) if (document.querySelector(tag)) bad.push(tag);
    for (const img of document.querySelectorAll('img')) bad.push('img ' + img.src);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
        const favicon = el.tagName === 'LINK' && el.rel === 'icon' && a.value === 'data:,';
        if (/^(href|src|action)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value) &&
            !favicon)
          bad.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    return bad;
  });
}

async function visit(page, rel) {
  await page.goto(new URL(rel, base).href);
  await page.waitForTimeout(20);
  const bad = await injected(page);
  check(bad.length === 0, `${step}: ${rel}: ${bad.join(', ')}`);
}

async function signIn(user) {
  const w = await watchedPage(browser);
  w.page.on('dialog', () => {});
  await w.page.goto(new URL('login', base).href);
  await w.page.fill('#user', user);
  await w.page.fill('#password', `pw-${user}-long`);
  await Promise.all([w.page.waitForNavigation(), w.page.click('form.login button[type=submit]')]);
  check(!w.page.url().includes('/login'), `${user} could not sign in: ${w.page.url()}`);
  w.user = user;
  return w;
}

async function done(w) {
  problems.push(...w.problems.map((p) => `${w.user}: ${p}`));
  await w.context.close();
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  const flash = await page.locator('.flash-error').count();
  if (flash) throw new Error(`${step}: ${await page.locator('.flash-error').first().textContent()}`);
}

try {
  // 1. The employee: two SME sign-offs as evidence (one with hostile text), a self-assessment.
  step = 'employee logs evidence';
  let ce = await signIn('ce');
  check(ce.page.url().endsWith('/me'), `the employee lands on ${ce.page.url()}, not /me`);
  check((await ce.page.textContent('h1')) === 'My growth', 'no growth page');
  check((await ce.page.locator('table.growth thead th').allTextContents()).join(' ')
            .includes('Senior Engineer'), 'the next level is not beside the current one');
  for (const [skill, signer, title] of [['networking', 'p1', 'Networking ' + HOSTILE],
                                        ['linux', 'p2', 'Linux internals']]) {
    await ce.page.locator('details.form:has(#ev-kind)').evaluate((d) => { d.open = true; });
    await ce.page.selectOption('#ev-kind', 'sme');
    await ce.page.fill('#ev-title', title);
    await ce.page.fill('#ev-skill', skill);
    // The signer is chosen by name; the form posts their person id.
    check((await ce.page.locator('#ev-signer option').allTextContents()).includes(SIGNERS[signer]),
          `the signers do not list ${SIGNERS[signer]}`);
    await ce.page.selectOption('#ev-signer', signer);
    await ce.page.fill('#ev-note', HOSTILE);
    await submit(ce.page, 'form[action$="/evidence"] button[type=submit]');
  }
  check((await ce.page.locator('section[aria-labelledby=evidence] table tbody tr').count()) === 2, 'two pieces of evidence');
  // Each sign-off waits for its signer, at a page the employee can send them.
  const claims = await ce.page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('section[aria-labelledby=evidence] tbody tr')]
          .map((tr) => [(tr.textContent.match(/signed off by (\w+ \w+)/) || [])[1],
                        tr.querySelector('a[href^="/evidence/"]')?.getAttribute('href')])
          .filter(([signer, href]) => signer && href)));
  claims.p1 = claims[SIGNERS.p1];
  claims.p2 = claims[SIGNERS.p2];
  check(claims.p1 && claims.p2, `the sign-offs do not wait for Pam One and Pat Two: ${JSON.stringify(claims)}`);
  check((await ce.page.textContent('section[aria-labelledby=evidence]')).includes('<script>alert("x")</script>'),
        'the hostile title is not shown as text');
  step = 'employee self-assesses';
  await ce.page.selectOption('#r-responsibilities', 'next');
  await ce.page.fill('input[name="note.responsibilities"]', HOSTILE);
  await submit(ce.page, 'form.assess button[type=submit]');
  check((await ce.page.textContent('table.growth')).includes('Performing at the next level'),
        'the self-assessment is not shown against the levels');
  // The chart of ratings against both levels' expectations is drawn (Chart.js, from npm).
  const drawn = await ce.page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-radar]');
    const chart = canvas && window.Chart && window.Chart.getChart(canvas);
    return chart ? chart.data.datasets.map((d) => d.label) : null;
  });
  check(drawn && drawn.length === 4, `the ratings chart is not drawn: ${JSON.stringify(drawn)}`);
  const checklist = await ce.page.textContent('#checklist + p');
  check(/Not eligible yet|Not yet/.test(checklist), `before the review: ${checklist}`);
  check((await ce.page.locator('ol.checklist li.req-met').count()) >= 1,
        'the year at level 1 is not met');
  check((await ce.page.textContent('ol.checklist')).includes('awaiting confirmation by p1'),
        'the SME claims are counted before their signers confirmed them');
  // Records entered by mistake are withdrawn, never deleted; a wrong detail is corrected.
  step = 'employee withdraws and corrects';
  await ce.page.locator('details.form:has(#ev-kind)').evaluate((d) => { d.open = true; });
  await ce.page.selectOption('#ev-kind', 'talk');
  await ce.page.fill('#ev-title', 'Talk entered twice');
  await submit(ce.page, 'form[action$="/evidence"] button[type=submit]');
  await ce.page.click('tr:has-text("Talk entered twice") a:has-text("Withdraw or correct")');
  await ce.page.waitForLoadState();
  await visit(ce.page, new URL(ce.page.url()).pathname.slice(1));
  await ce.page.fill('#withdraw-reason', 'entered twice');
  await submit(ce.page, 'form[action$="/withdraw"] button[type=submit]');
  check((await ce.page.textContent('p.state')).includes('Withdrawn on'),
        `the withdrawn talk does not say so: ${await ce.page.textContent('main')}`);
  check(await ce.page.locator('form[action$="/withdraw"]').count() === 0,
        'a withdrawn record still offers to withdraw it');
  await visit(ce.page, 'me');
  check((await ce.page.getAttribute('tr:has-text("Talk entered twice")', 'class')) === 'taken-back',
        'the growth page does not mark the withdrawn talk');
  await ce.page.locator('details.records').evaluate((d) => { d.open = true; });
  await ce.page.click('tr:has-text("responsibilities") a:has-text("Withdraw or correct")');
  await ce.page.waitForLoadState();
  check((await ce.page.inputValue('#field-note')) === HOSTILE,
        'the correction form does not hold the note as it was typed');
  await ce.page.fill('#field-note', 'Leads the incident reviews');
  await ce.page.fill('#correct-reason', 'a clearer note');
  await submit(ce.page, 'form[action$="/correct"] button[type=submit]');
  check((await ce.page.textContent('p.state')).includes('The correction that counts instead'),
        'the corrected rating does not link its correction');
  await visit(ce.page, 'me');
  check((await ce.page.textContent('table.growth')).includes('Leads the incident reviews'),
        'the latest rating is not the correction');
  check((await ce.page.locator('section[aria-labelledby=evidence] table tbody tr').count()) === 3,
        'the withdrawn talk is no longer listed');
  await shot(ce.page, artifacts, '1-employee-growth');
  await done(ce);

  // 2. The manager opens the review, fills the portfolio, names the panel.
  step = 'manager opens the review';
  const lead = await signIn('lead');
  await visit(lead.page, 'team');
  check((await lead.page.textContent('table.team')).includes('Cam Egan'), 'the team lists the report');
  check(await lead.page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-bars]');
    return Boolean(canvas && window.Chart && window.Chart.getChart(canvas));
  }), 'the team\'s level distribution is not drawn');
  await lead.page.click('table.team a:has-text("Cam Egan")');
  await lead.page.waitForLoadState();
  await lead.page.selectOption('#case-target', 'ic/senior-engineer');
  await submit(lead.page, 'form[action$="/cases"] button[type=submit]');
  const caseUrl = lead.page.url().replace(/\?.*$/, '');
  check(/\/cases\/[^/]+$/.test(caseUrl), `not on a case page: ${caseUrl}`);
  await lead.page.selectOption('#move-to', 'portfolio');
  await submit(lead.page, 'form[action$="/move"] button');
  for (let i = 0; i < 2; ++i) {
    await lead.page.selectOption('#add-ev', { index: 0 });
    await submit(lead.page, 'form[action$="/evidence"] button');
  }
  check((await lead.page.locator('ul.portfolio li').count()) === 2, 'the portfolio holds both');
  await lead.page.selectOption('#panel-sel', ['p1', 'p2']);
  await submit(lead.page, 'form[action$="/panel"] button');
  await lead.page.selectOption('#move-to', 'peer_review');
  await submit(lead.page, 'form[action$="/move"] button');
  check((await lead.page.textContent('ol.states li.current')).includes('peer review'),
        'the review is not in peer review');
  await visit(lead.page, caseUrl.replace(base, ''));
  await shot(lead.page, artifacts, '2-manager-case');

  // 3. The reviewers confirm the sign-offs they gave, and vote.
  for (const reviewer of ['p1', 'p2']) {
    step = `${reviewer} confirms a sign-off`;
    const r = await signIn(reviewer);
    await visit(r.page, claims[reviewer].slice(1));
    await submit(r.page, 'form[action$="/confirm"] button');
    check((await r.page.textContent('main')).includes(`Confirmed by ${reviewer}`),
          'the sign-off is not confirmed');
    step = `${reviewer} votes`;
    await visit(r.page, caseUrl.replace(base, ''));
    check((await r.page.locator('ul.portfolio li').count()) === 2, 'the reviewer sees the portfolio');
    // Before voting, the others' votes and notes are not shown; the panel is, by name.
    const panel = await r.page.textContent('section[aria-labelledby=panel]');
    check(panel.includes('Pam One') && panel.includes('Pat Two'), `the panel is not named: ${panel}`);
    check(!panel.includes('<script>'), `${reviewer} sees a note before casting their vote`);
    if (reviewer === 'p2') check(panel.includes('shown once you have voted'), 'p1\'s vote is not hidden from p2');
    await r.page.check('input[name=vote][value=for]');
    await r.page.fill('#vote-note', HOSTILE);
    await submit(r.page, 'form[action$="/votes"] button');
    await done(r);
  }

  // A documented need with hostile text in its reason, on the needs page.
  step = 'manager opens a need';
  await visit(lead.page, 'needs');
  await lead.page.selectOption('#n-target', { index: 0 });
  await lead.page.fill('#n-reason', HOSTILE);
  await submit(lead.page, 'form[action="/needs"] button');
  check((await lead.page.textContent('main')).includes('<script>alert("x")</script>'),
        'the need\'s reason is not shown as text');
  await visit(lead.page, 'needs');

  // 4. The manager moves it to a decision; the director decides.
  step = 'decision';
  await lead.page.goto(caseUrl);
  check((await lead.page.textContent('p.consensus')).includes('2 of 2'), 'no consensus shown');
  await lead.page.selectOption('#move-to', 'decision');
  await submit(lead.page, 'form[action$="/move"] button');
  await done(lead);
  const dir = await signIn('dir');
  await visit(dir.page, caseUrl.replace(base, ''));
  await dir.page.selectOption('#d-out', 'promoted');
  await dir.page.fill('#d-note', HOSTILE);
  await submit(dir.page, 'form[action$="/decision"] button');
  check((await dir.page.textContent('p.decision')).toLowerCase().includes('promoted'),
        'the decision is not shown');
  await shot(dir.page, artifacts, '3-decided');
  await done(dir);

  // 5. The employee's level changed; the growth page shows the new next level.
  step = 'after the promotion';
  ce = await signIn('ce');
  const standing = await ce.page.textContent('#standing + p');
  check(standing.includes('Senior Engineer'), `the new level is not shown: ${standing}`);
  const heads = (await ce.page.locator('table.growth thead th').allTextContents()).join(' | ');
  check(heads.includes('Staff Engineer'), `the next level is not Staff Engineer: ${heads}`);
  await visit(ce.page, 'me');
  await shot(ce.page, artifacts, '4-employee-promoted');
  await visit(ce.page, caseUrl.replace(base, ''));
  // An API token named with hostile text, on the account page.
  step = 'employee creates a token';
  await visit(ce.page, 'account');
  await ce.page.fill('#t-name', HOSTILE);
  await submit(ce.page, 'form[action="/account/tokens"] button');
  check(/ldr_[A-Za-z0-9_-]{43}/.test(await ce.page.textContent('code.token')), 'no token shown');
  await visit(ce.page, 'account');
  await done(ce);
  check(problems.length === 0, problems.join('\n'));
  console.log('ok: the review process of seed 004 in the browser');
} catch (err) {
  console.error(`FAIL (${step}): ${err.message}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
