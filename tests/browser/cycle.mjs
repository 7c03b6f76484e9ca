// A whole review cycle in the browser, as the people who run and live it (set up by
// tests/cli/browser_cycle_test.sh): dana (people team) opens a cycle on the form of /cycles and
// reads its calibration board; milo (manager) nominates his report Ivo; dana opens the reviews
// and names the panels in bulk, filters the board, downloads its CSV and compares the
// candidates side by side; milo and dana move the reviews to peer review; rae and sol
// (reviewers) follow their vote requests from the inbox and vote; dana moves the cycle phase
// by phase to its decisions (a decision before that is refused), decides Ivo "promoted",
// moves it to communicated and closes it; ivo (employee) then sees his own outcome. The board
// is photographed at 1280 px and 390 px. Writes the ids of the two reviews to CONFIG.out.
//   node cycle.mjs BASE_URL ARTIFACT_DIR CONFIG_JSON   ({"today", "earliest", "out"})
import fs from 'node:fs';
import path from 'node:path';
import { launch, watchedPage, check, shot } from './browser.mjs';

const [base, artifactRoot, configJson] = process.argv.slice(2);
const { today, earliest, out } = JSON.parse(configJson);
const artifacts = path.join(artifactRoot, 'cycle');
fs.rmSync(artifacts, { recursive: true, force: true });
const CYCLE = 'browser-season';
const BOARD = `cycles/${CYCLE}`;
const SUP2 = 'SUP2 · Senior Support Engineer';
const NOTE = 'Ready by spring';
const PHASES = ['Nominations', 'Self-review', 'Manager review', 'Panels', 'Calibration',
                'Decisions', 'Communicated'];
const addDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const browser = await launch();
const problems = [];
const signedIn = new Set();  // the signed-in pages, photographed when a step fails
let step = 'start';

async function signIn(user) {
  const w = await watchedPage(browser);
  w.page.setDefaultTimeout(10000);
  await w.page.goto(new URL('login', base).href);
  await w.page.fill('#user', user);
  await w.page.fill('#password', `pw-${user}-long`);
  await Promise.all([w.page.waitForNavigation(), w.page.click('form.login button[type=submit]')]);
  check(!w.page.url().includes('/login'), `${user} could not sign in: ${w.page.url()}`);
  w.user = user;
  signedIn.add(w);
  return w;
}

async function done(w) {
  signedIn.delete(w);
  problems.push(...w.problems.filter((p) => ![...refusals].some((r) => p.startsWith(r)))
                              .map((p) => `${w.user}: ${p}`));
  await w.context.close();
}

async function visit(page, rel) {
  const res = await page.goto(new URL(rel, base).href);
  check(res.status() === 200, `${rel} answered ${res.status()}`);
}

const text = async (page, selector) => ((await page.textContent(selector)) || '').replace(/\s+/g, ' ').trim();

// Submits and returns the notice; a flash error fails the step.
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  if (await page.locator('.flash-error').count())
    throw new Error(`${step}: ${await text(page, '.flash-error')}`);
  return (await page.locator('.flash-notice').count()) ? text(page, '.flash-notice') : '';
}

// Submits what must be refused with `status` and returns the error shown. The browser logs the
// refusal's status as a console error: that one is expected.
const refusals = new Set();
async function refused(page, selector, status) {
  const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  check(res.status() === status, `${step}: refused with ${res.status()}, not ${status}`);
  refusals.add(`console error on ${page.url()}: Failed to load resource: the server responded with a status of ${status} `);
  check(await page.locator('.flash-error').count() === 1, `${step}: no error shown on ${page.url()}`);
  return text(page, '.flash-error');
}

// The rows of a board (or a nominations page): one object per person.
async function boardRows(page) {
  return page.$$eval('table.candidates tbody tr', (trs) => trs.map((tr) => {
    const cell = (i) => tr.children[i].innerText.replace(/\s+/g, ' ').trim();
    const link = tr.children[6].querySelector('a');
    return { name: cell(0), level: cell(1), target: cell(2), readiness: cell(3), evidence: cell(4),
             nominated: cell(5), stage: cell(6), case: link ? link.getAttribute('href') : '',
             nominate: Boolean(tr.children[5].querySelector('form')) };
  }));
}
const rowOf = (rows, name) => {
  const r = rows.find((x) => x.name === name);
  if (!r) throw new Error(`${step}: no row for ${name} in ${rows.map((x) => x.name).join(', ')}`);
  return r;
};
// Each row of a table as its cells' text joined by one space.
const cellsOf = (page, selector) => page.$$eval(selector, (trs) => trs.map((tr) =>
  [...tr.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join(' ')));
const current = (page) => text(page, 'ol.phases li[aria-current=step]');
const scope = async (page) => (await text(page, 'main')).match(/(\d+) of (\d+) people in scope/)?.[0];

async function fillOpenForm(page, nominations) {
  await page.fill('#c-name', 'Browser season');
  await page.check(`input[name=framework][value=support-paths]`);
  await page.fill('#c-evaluation', today);
  check(await page.inputValue('#c-close') === '90', 'the window of close is not 90 days by default');
  const deadlines = { nominations, self_review: addDays(today, 21), manager_review: addDays(today, 28),
                      panels: addDays(today, 35), calibration: addDays(today, 42),
                      decisions: addDays(today, 49), communicated: addDays(today, 56) };
  for (const [phase, date] of Object.entries(deadlines)) await page.fill(`#c-${phase}`, date);
}

async function boardShots(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    await page.reload();
    const wide = await page.evaluate(() => {
      const doc = document.documentElement;
      return doc.scrollWidth > doc.clientWidth + 1 ? `${doc.scrollWidth} px wide` : '';
    });
    check(!wide, `the board at ${width} px scrolls sideways: ${wide}`);
    await shot(page, artifacts, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
}

const journey = {};
try {
  // 1. The people team opens the cycle and reads the snapshot.
  step = 'people team opens a cycle';
  const dana = await signIn('dana');
  await Promise.all([dana.page.waitForNavigation(), dana.page.click('nav a[href="/cycles"]')]);
  check(await text(dana.page, 'h1') === 'Review cycles', 'the Cycles link does not lead to the cycles');
  check((await text(dana.page, 'main')).includes('No cycle is open.'), 'a cycle is open already');
  // A nominations deadline already past is refused, naming it.
  await fillOpenForm(dana.page, addDays(today, -1));
  let error = await refused(dana.page, 'form[action="/cycles"] button[type=submit]', 400);
  check(error.includes(`nominations deadline ${addDays(today, -1)} has passed (today is ${today})`),
        `a past nominations deadline: ${error}`);
  // The refused form comes back as it was sent.
  check(await dana.page.inputValue('#c-name') === 'Browser season' &&
        await dana.page.inputValue('#c-panels') === addDays(today, 35) &&
        await dana.page.isChecked('input[name=framework][value=support-paths]'),
        'the refused form lost what was typed');
  await fillOpenForm(dana.page, addDays(today, 14));
  let notice = await submit(dana.page, 'form[action="/cycles"] button[type=submit]');
  check(new URL(dana.page.url()).pathname === `/${BOARD}`, `opening went to ${dana.page.url()}`);
  check(notice === 'Cycle opened with its snapshot.', `opening said: ${notice}`);
  check(await text(dana.page, 'h1') === 'Browser season', 'the board is not titled by the cycle');
  check((await text(dana.page, 'p.meta')).includes(`support-paths · evaluated on ${today} · open`),
        `the cycle's line: ${await text(dana.page, 'p.meta')}`);
  check((await current(dana.page)).startsWith(`Nominations until ${addDays(today, 14)}`),
        `the current phase: ${await current(dana.page)}`);
  // The candidates: Eli eligible (the peer review is the cycle's to settle), Ivo close.
  check(await scope(dana.page) === '2 of 7 people in scope', `the board counts ${await scope(dana.page)}`);
  let rows = await boardRows(dana.page);
  check(rows.map((r) => r.name).join(',') === 'Eli Moss,Ivo Kern', `candidates: ${JSON.stringify(rows)}`);
  const eli = rowOf(rows, 'Eli Moss');
  check(eli.readiness === 'Eligible Peer review passed (settled in the review)', `Eli: ${eli.readiness}`);
  check(eli.target === SUP2 && eli.level === 'core/SUP1' && eli.evidence === '2', `Eli: ${JSON.stringify(eli)}`);
  let ivo = rowOf(rows, 'Ivo Kern');
  check(ivo.readiness.startsWith(`Close — earliest ${earliest}`), `Ivo: ${ivo.readiness}`);
  check(ivo.stage === 'not nominated' && ivo.nominate, `Ivo before the nomination: ${JSON.stringify(ivo)}`);
  check((await text(dana.page, 'table.candidates caption')) === SUP2,
        `the group's caption: ${await text(dana.page, 'table.candidates caption')}`);
  check((await text(dana.page, 'p.group-links a')) === `${SUP2} side by side`,
        `the group's link: ${await text(dana.page, 'p.group-links a')}`);
  const dist = await cellsOf(dana.page, 'table.distribution tbody tr');
  check(dist[0] === `${SUP2} 1 1 0 0 0 0 0 0`, `the distribution: ${dist.join(' | ')}`);
  // Everyone in scope: the blocked and the one without a next level too.
  await dana.page.check('input[name=everyone]');
  await submit(dana.page, 'form.filters button[type=submit]');
  check(await scope(dana.page) === '7 of 7 people in scope', `everyone: ${await scope(dana.page)}`);
  rows = await boardRows(dana.page);
  check(rowOf(rows, 'Ana Berg').readiness.startsWith('Blocked'), `Ana: ${rowOf(rows, 'Ana Berg').readiness}`);
  check(rowOf(rows, 'Dana Ruiz').readiness.startsWith('No next level'), 'Dana has a next level');
  check(rowOf(rows, 'Rae Quinn').readiness.startsWith('Blocked'), 'Rae is not blocked');
  await boardShots(dana.page, '1-opened');

  // 2. The manager nominates his report on the cycle's page.
  step = 'manager nominates';
  const milo = await signIn('milo');
  await visit(milo.page, 'cycles');
  const listed = (await cellsOf(milo.page, 'table.records tbody tr')).join(' | ');
  check(listed.includes(`Browser season support-paths ${today} Nominations ${addDays(today, 14)}`),
        `the list of open cycles: ${listed}`);
  await Promise.all([milo.page.waitForNavigation(), milo.page.click('table.records a:text-is("Browser season")')]);
  check(new URL(milo.page.url()).pathname === `/${BOARD}`, `the cycle's link went to ${milo.page.url()}`);
  check(await milo.page.locator('form.filters, form[action$="/advance"]').count() === 0,
        'a manager is shown the board of the people team');
  check((await text(milo.page, 'main')).includes(`Nominations are open until ${addDays(today, 14)}.`),
        'the manager is not told nominations are open');
  rows = await boardRows(milo.page);
  check(rows.map((r) => r.name).sort().join(',') === 'Ana Berg,Eli Moss,Ivo Kern,Milo Chen,Rae Quinn,Sol Varga',
        `the manager sees: ${rows.map((r) => r.name).join(', ')}`);
  await milo.page.fill('#n-e3', NOTE);
  notice = await submit(milo.page, 'form[action$="/nominations"]:has(input[value=e3]) button');
  check(notice === 'Nominated.', `nominating said: ${notice}`);
  ivo = rowOf(await boardRows(milo.page), 'Ivo Kern');
  check(ivo.nominated === `by m1 on ${today}: ${NOTE}` && !ivo.nominate, `after nominating: ${JSON.stringify(ivo)}`);
  await shot(milo.page, artifacts, '2-manager-nominated');

  step = 'the board shows the nomination';
  await visit(dana.page, BOARD);
  ivo = rowOf(await boardRows(dana.page), 'Ivo Kern');
  check(ivo.nominated === `by m1 on ${today}: ${NOTE}`, `the board's nomination: ${ivo.nominated}`);
  check(ivo.stage === 'nominated', `Ivo's stage: ${ivo.stage}`);

  // 3. Reviews and panels in bulk; the filters, the CSV, side by side.
  step = 'people team opens reviews';
  notice = await submit(dana.page, `form[action="/${BOARD}/open-reviews"] button`);
  check(notice === '2 reviews opened.', `opening reviews said: ${notice}`);
  rows = await boardRows(dana.page);
  for (const name of ['Eli Moss', 'Ivo Kern'])
    check(rowOf(rows, name).stage === 'review: open' && rowOf(rows, name).case.startsWith('/cases/'),
          `${name} after opening: ${JSON.stringify(rowOf(rows, name))}`);
  journey.eli_case = rowOf(rows, 'Eli Moss').case.slice('/cases/'.length);
  journey.ivo_case = rowOf(rows, 'Ivo Kern').case.slice('/cases/'.length);
  notice = await submit(dana.page, `form[action="/${BOARD}/open-reviews"] button`);
  check(notice.startsWith('0 reviews opened; skipped') && notice.includes(`e1: already has case ${journey.eli_case}`) &&
        notice.includes(`e3: already has case ${journey.ivo_case}`), `opening again said: ${notice}`);
  step = 'people team names panels';
  await dana.page.fill('#b-panel', 'r1, r2');
  notice = await submit(dana.page, `form[action="/${BOARD}/panels"] button`);
  check(notice === '2 panels named.', `naming panels said: ${notice}`);

  step = 'filters';
  await visit(dana.page, BOARD);
  await dana.page.selectOption('select[name=readiness]', 'eligible');
  await submit(dana.page, 'form.filters button[type=submit]');
  check(new URL(dana.page.url()).searchParams.get('readiness') === 'eligible', `filter URL ${dana.page.url()}`);
  check(await scope(dana.page) === '1 of 7 people in scope', `eligible: ${await scope(dana.page)}`);
  check((await boardRows(dana.page)).map((r) => r.name).join() === 'Eli Moss', 'the readiness filter');
  await dana.page.selectOption('select[name=readiness]', '');
  await dana.page.fill('input[name=q]', 'kern');
  await submit(dana.page, 'form.filters button[type=submit]');
  check((await boardRows(dana.page)).map((r) => r.name).join() === 'Ivo Kern', 'the search');

  step = 'CSV';
  const csvHref = await dana.page.getAttribute('div.actions a:text-is("CSV")', 'href');
  check(csvHref === `/${BOARD}/report.csv`, `the CSV link is ${csvHref}`);
  const csv = await dana.context.request.get(new URL(csvHref, base).href);
  check(csv.status() === 200, `the CSV answered ${csv.status()}`);
  check(csv.headers()['content-type'].startsWith('text/csv'), `the CSV is ${csv.headers()['content-type']}`);
  const lines = (await csv.text()).split('\r\n');
  check(lines[0] === 'cycle,person,name,manager,framework,version,track,level,target_track,target_level,' +
        'target,readiness,earliest,reasons,nominated_by,nominated,case,case_status,outcome,effective',
        `the CSV header: ${lines[0]}`);
  const ivoLine = lines.find((l) => l.startsWith(`${CYCLE},e3,`)) || '';
  check(ivoLine.includes(`,close,${earliest},`) && ivoLine.endsWith(`,m1,${today},${journey.ivo_case},open,,`),
        `Ivo in the CSV: ${ivoLine}`);
  check(lines.filter((l) => l.startsWith(`${CYCLE},`)).length === 7, 'the CSV does not hold everyone in scope');
  const xlsx = await dana.context.request.get(new URL(`/${BOARD}/report.xlsx`, base).href);
  check(xlsx.status() === 200 && xlsx.headers()['content-type'] ===
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' &&
        (await xlsx.body()).subarray(0, 2).toString() === 'PK', `the XLSX: ${xlsx.status()} ${xlsx.headers()['content-type']}`);

  step = 'side by side';
  await visit(dana.page, BOARD);
  await Promise.all([dana.page.waitForNavigation(), dana.page.click('p.group-links a')]);
  const compare = new URL(dana.page.url());
  check(compare.pathname === `/${BOARD}/compare` && compare.searchParams.get('target') === 'ic/SUP2',
        `side by side went to ${dana.page.url()}`);
  check(await text(dana.page, 'h1') === `Candidates for ${SUP2}`, `side by side: ${await text(dana.page, 'h1')}`);
  const table = await dana.page.$$eval('table.compare-candidates tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  check(table[0].slice(1).join(',') === 'Eli Moss core/SUP1,Ivo Kern core/SUP1', `columns: ${table[0]}`);
  const aspect = (name) => (table.find((r) => r[0] === name) || []).slice(1);
  check(aspect('Readiness').join('|') === `Eligible|Close — ${earliest}`, `readiness: ${aspect('Readiness')}`);
  check(aspect('Nominated').join('|') === '|by m1', `nominated: ${aspect('Nominated')}`);
  check(aspect('Stage').join('|') === 'review: open|review: open', `stage: ${aspect('Stage')}`);
  await shot(dana.page, artifacts, '3-side-by-side');

  // 4. The reviews move to peer review: the manager moves Ivo's, the people team Eli's.
  for (const [w, who, id] of [[milo, 'Ivo Kern', journey.ivo_case], [dana, 'Eli Moss', journey.eli_case]]) {
    step = `${w.user} moves the review of ${who}`;
    await visit(w.page, BOARD);
    await Promise.all([w.page.waitForNavigation(), w.page.click(`table.candidates td a[href="/cases/${id}"]`)]);
    check(new URL(w.page.url()).pathname === `/cases/${id}`, `the stage links to ${w.page.url()}`);
    check((await text(w.page, 'h1')) === `${who} towards Individual Contributor Path: ${SUP2}`, `the case page: ${await text(w.page, 'h1')}`);
    const panel = await w.page.$$eval('section[aria-labelledby=panel] tbody th', (ths) => ths.map((t) => t.textContent.trim()));
    check(panel.join(',') === 'Rae Quinn,Sol Varga', `the panel named in bulk: ${panel}`);
    for (const to of ['portfolio', 'peer_review']) {
      await w.page.selectOption('#move-to', to);
      await submit(w.page, 'form[action$="/move"] button');
      check((await text(w.page, 'ol.states li.current')) === to.replace('_', ' '),
            `after moving to ${to}: ${await text(w.page, 'ol.states li.current')}`);
    }
  }

  // Each reviewer finds both vote requests in the inbox and votes for.
  for (const reviewer of ['rae', 'sol']) {
    step = `${reviewer} votes`;
    const r = await signIn(reviewer);
    await visit(r.page, 'inbox');
    const items = await r.page.$$eval('ul.inbox li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ')));
    check(items.length === 4, `${reviewer}'s inbox holds ${items.length}: ${items.join(' | ')}`);
    for (const [who, id] of [['Ivo Kern', journey.ivo_case], ['Eli Moss', journey.eli_case]]) {
      await visit(r.page, 'inbox');
      await Promise.all([r.page.waitForNavigation(),
        r.page.click(`ul.inbox li:has-text("Your vote is waiting on the review of ${who} for ic SUP2") a`)]);
      check(new URL(r.page.url()).pathname === `/cases/${id}`, `the vote request led to ${r.page.url()}`);
      await r.page.check('input[name=vote][value=for]');
      await r.page.fill('#vote-note', `${reviewer} agrees`);
      await submit(r.page, 'form[action$="/votes"] button');
      const mine = (await r.page.locator('section[aria-labelledby=panel] tbody tr',
        { hasText: reviewer === 'rae' ? 'Rae Quinn' : 'Sol Varga' }).innerText()).replace(/\s+/g, ' ');
      check(mine.includes('for') && mine.includes(`${reviewer} agrees`), `the vote is not shown: ${mine}`);
    }
    await done(r);
  }

  step = 'manager moves Ivo to a decision';
  await visit(milo.page, `cases/${journey.ivo_case}`);
  check((await text(milo.page, 'p.consensus')).includes('2 of 2'), `consensus: ${await text(milo.page, 'p.consensus')}`);
  await milo.page.selectOption('#move-to', 'decision');
  await submit(milo.page, 'form[action$="/move"] button');
  check(await text(milo.page, 'ol.states li.current') === 'decision', 'the review is not at its decision');
  await done(milo);

  // A review of the cycle is decided only in its decisions phase.
  step = 'a decision too early';
  await visit(dana.page, `cases/${journey.ivo_case}`);
  await dana.page.selectOption('#d-out', 'promoted');
  await dana.page.fill('#d-eff', earliest);
  error = await refused(dana.page, 'form[action$="/decision"] button', 412);
  check(error.includes(`belongs to cycle ${CYCLE}, which is in its nominations phase: its cases are decided in the decisions phase`),
        `an early decision: ${error}`);
  await visit(dana.page, `cases/${journey.ivo_case}`);
  check((await text(dana.page, '#decision ~ p')) === 'Not decided yet.', 'the refused decision was kept');

  // The people team moves the cycle on, phase by phase, with a note in calibration.
  for (let i = 1; i <= 5; ++i) {
    step = `advance to ${PHASES[i]}`;
    await visit(dana.page, BOARD);
    notice = await submit(dana.page, `form[action="/${BOARD}/advance"] button`);
    check(notice === 'Moved to the next phase.', `advancing said: ${notice}`);
    check((await current(dana.page)).startsWith(`${PHASES[i]} until`), `now in: ${await current(dana.page)}`);
    check(await dana.page.locator('ol.phases li.done').count() === i, `${i} phases are not marked done`);
    if (PHASES[i] === 'Calibration') {
      await dana.page.fill('#note-text', 'Strong customer evidence');
      await dana.page.fill('#note-person', 'e3');
      check(await submit(dana.page, `form[action="/${BOARD}/notes"] button`) === 'Note added.', 'the note');
      check((await text(dana.page, 'ul.notes')).includes(`${today} d1 on Ivo Kern: Strong customer evidence`),
            `the notes: ${await text(dana.page, 'ul.notes')}`);
    }
  }
  check(await dana.page.locator(`form[action="/${BOARD}/open-reviews"]`).count() === 0,
        'reviews are still opened in bulk in the decisions phase');

  step = 'people team decides';
  await visit(dana.page, `cases/${journey.ivo_case}`);
  await dana.page.selectOption('#d-out', 'promoted');
  await dana.page.fill('#d-eff', earliest);
  await dana.page.fill('#d-note', 'Calibrated with the support teams');
  await submit(dana.page, 'form[action$="/decision"] button');
  const decision = await text(dana.page, 'p.decision');
  check(decision.startsWith(`promoted, effective ${earliest}, decided by`), `the decision: ${decision}`);

  step = 'the board after the decision';
  await visit(dana.page, BOARD);
  rows = await boardRows(dana.page);
  check(rowOf(rows, 'Ivo Kern').stage === `promoted to ${SUP2}, effective ${earliest}`,
        `Ivo's stage: ${rowOf(rows, 'Ivo Kern').stage}`);
  check(rowOf(rows, 'Eli Moss').stage === 'review: peer review', `Eli's stage: ${rowOf(rows, 'Eli Moss').stage}`);
  const pipeline = (await cellsOf(dana.page, 'h2:text-is("Pipeline") ~ table.distribution tbody tr')).sort();
  check(pipeline.join('|') === 'peer_review 1|promoted 1', `the pipeline: ${pipeline.join('|')}`);

  await dana.page.selectOption('select[name=stage]', 'promoted');
  await submit(dana.page, 'form.filters button[type=submit]');
  check((await boardRows(dana.page)).map((r) => r.name).join() === 'Ivo Kern', 'the stage filter');
  await visit(dana.page, BOARD);

  step = 'communicated and closed';
  check(await submit(dana.page, `form[action="/${BOARD}/advance"] button`) === 'Moved to the next phase.', 'advancing');
  check((await current(dana.page)).startsWith('Communicated until'), `now in: ${await current(dana.page)}`);
  check(await dana.page.locator(`form[action="/${BOARD}/advance"]`).count() === 0, 'the last phase still moves on');
  notice = await submit(dana.page, `form[action="/${BOARD}/close"] button`);
  check(notice === 'Cycle closed; its record is kept as it is.', `closing said: ${notice}`);
  check((await text(dana.page, 'p.meta')).endsWith(`· closed on ${today}`), `the closed cycle: ${await text(dana.page, 'p.meta')}`);
  check(await dana.page.locator('div.actions form, form[action$="/notes"]').count() === 0,
        'a closed cycle still offers to change it');
  check(rowOf(await boardRows(dana.page), 'Ivo Kern').stage === `promoted to ${SUP2}, effective ${earliest}`,
        'the closed board lost the outcome');
  check((await text(dana.page, 'ul.history')).includes(`${today} d1: closed`), `history: ${await text(dana.page, 'ul.history')}`);
  await boardShots(dana.page, '4-closed');
  await visit(dana.page, 'cycles');
  check((await text(dana.page, 'main')).includes('No cycle is open.'), 'the closed cycle is listed as open');
  const closed = (await cellsOf(dana.page, 'table.records:not(.rates) tbody tr')).join(' | ');
  check(closed === `Browser season support-paths ${today} ${today}`, `the closed cycles: ${closed}`);
  // The promotion rate of the season: 7 people, 2 eligible or close, 2 reviews, 1 decided and
  // promoted.
  const rate = (await cellsOf(dana.page, 'table.rates tbody tr')).join(' | ');
  check(rate === 'Browser season 7 2 2 1 1 100%', `the promotion rate: ${rate}`);
  await done(dana);

  // 5. The employee sees himself only, with his outcome, and was told in his inbox.
  step = 'employee';
  const ivoUser = await signIn('ivo');
  await visit(ivoUser.page, BOARD);
  rows = await boardRows(ivoUser.page);
  check(rows.length === 1 && rows[0].name === 'Ivo Kern', `the employee sees: ${rows.map((r) => r.name)}`);
  check(rows[0].stage === `promoted to ${SUP2}, effective ${earliest}`, `his stage: ${rows[0].stage}`);
  check(await ivoUser.page.locator('h2:text-is("Committee notes")').count() === 0, 'the employee sees the committee notes');
  await visit(ivoUser.page, 'inbox');
  const inbox = await ivoUser.page.$$eval('ul.inbox li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ')));
  check(inbox.length === 5 && inbox[0].includes(`Your review for ic SUP2 was decided: promoted, effective ${earliest}`),
        `Ivo's inbox: ${inbox.join(' | ')}`);
  await shot(ivoUser.page, artifacts, '5-employee-inbox');
  await done(ivoUser);

  fs.writeFileSync(out, JSON.stringify(journey));
  check(problems.length === 0, problems.join('\n'));
  console.log('ok: a review cycle from opening to closing in the browser');
} catch (err) {
  console.error(`FAIL (${step}): ${err.message}`);
  if (problems.length) console.error(problems.join('\n'));
  for (const w of signedIn) await shot(w.page, artifacts, `failure-${w.user}`).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
