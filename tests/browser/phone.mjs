// Every page each role reaches, at phone width (390 x 844) and at desktop width (1280 x 800):
// signed in as each user given, the crawler follows every same-site link from the pages it has
// seen (GET only; never signing out), up to a page budget per role, and checks on each page:
//   - no page-level horizontal scroll (wide tables and code scroll inside their own box);
//   - at phone width the navigation is at most 64 px tall until it is opened, and opening it
//     shows its links;
//   - no script error or dialog;
//   - at desktop width, no serious or critical violation that axe-core (from npm) finds.
// A full-page screenshot of each page at phone width goes to ARTIFACT_DIR/phone/.
//   node phone.mjs BASE_URL ARTIFACT_DIR USER... (password "pw-USER-long"; "-" for a visitor)
import fs from 'node:fs';
import path from 'node:path';
import { launch, shot, axeViolations, sidewaysOverflow } from './browser.mjs';

const [base, artifactRoot, ...users] = process.argv.slice(2);
const artifacts = path.join(artifactRoot, 'phone');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
// Pages per role: every page of the app it reaches (people, cases, needs, administration ...)
// up to APP_BUDGET, then up to SITE_BUDGET pages of the published site (whose pages share a
// few layouts: level, compare, framework, role).
const APP_BUDGET = 80;
const SITE_BUDGET = 25;
const isSite = (rel) => /^(f|roles|static)\//.test(rel) || rel === '' || rel.startsWith('search');
fs.rmSync(artifacts, { recursive: true, force: true });
const browser = await launch();
const failures = [];

async function signedIn(user, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`script error on ${page.url()}: ${err.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog on ${page.url()}`); await d.dismiss(); });
  if (user !== '-') {
    await page.goto(new URL('login', base).href);
    await page.fill('#user', user);
    await page.fill('#password', `pw-${user}-long`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type=submit]')]);
    if (page.url().includes('/login')) throw new Error(`${user} could not sign in`);
  }
  return { page, problems, context };
}

// Same-site page links of the current page, without fragments, sign-out or downloads.
async function linksOf(page) {
  return page.evaluate((origin) => {
    const out = new Set();
    for (const a of document.querySelectorAll('a[href]')) {
      const u = new URL(a.href, location.href);
      if (u.origin !== origin || a.hasAttribute('download')) continue;
      if (/\/(logout|login)$|\.(csv|xlsx|json|yaml|md|pdf|zip)$|\/export\b/.test(u.pathname)) continue;
      u.hash = '';
      out.add(u.pathname + u.search);
    }
    return [...out];
  }, new URL(base).origin);
}

async function crawl(user, viewport, phone) {
  const { page, problems, context } = await signedIn(user, viewport);
  const seen = new Set();
  const app = ['me', 'team', 'cases', 'needs', 'admin', 'account'];
  const site = ['', 'search?q=review'];
  let visited = 0, appVisited = 0, siteVisited = 0;
  while ((app.length && appVisited < APP_BUDGET) || (site.length && siteVisited < SITE_BUDGET)) {
    const fromApp = app.length > 0 && appVisited < APP_BUDGET;
    const rel = (fromApp ? app : site).shift().replace(/^\//, '');
    if (seen.has(rel)) continue;
    seen.add(rel);
    const response = await page.goto(new URL(rel, base).href, { waitUntil: 'load' });
    if (!response || response.status() >= 400) continue;  // not this role's page
    const here = new URL(page.url());
    if (here.pathname === '/login') continue;
    ++visited;
    if (fromApp) ++appVisited; else ++siteVisited;
    const label = `${user} at ${viewport.width} px: /${rel}`;
    const wide = await sidewaysOverflow(page);
    if (wide) failures.push(`${label}: scrolls sideways, ${wide}`);
    if (phone) {
      const nav = await page.evaluate(() => {
        const n = document.querySelector('header nav, nav.site, body > nav, header');
        return n ? Math.round(n.getBoundingClientRect().height) : 0;
      });
      if (nav > 64) failures.push(`${label}: the navigation is ${nav} px tall (at most 64 until opened)`);
      const name = (user + '_' + (rel || 'home')).replace(/[^a-z0-9]+/gi, '_').slice(0, 80);
      await shot(page, artifacts, name);
    } else {
      for (const v of await axeViolations(page)) failures.push(`${label}: axe: ${v}`);
    }
    for (const link of await linksOf(page)) {
      const r = link.replace(/^\//, '');
      if (!seen.has(r)) (isSite(r) ? site : app).push(r);
    }
  }
  failures.push(...problems.map((p) => `${user}: ${p}`));
  await context.close();
  return visited;
}

// The menu opens on a phone and shows the links it hides.
async function menuOpens(user) {
  const { page, context } = await signedIn(user, PHONE);
  await page.goto(new URL('', base).href);
  const toggle = await page.$('.nav-toggle');
  if (!toggle) {
    failures.push(`${user}: no menu button at phone width`);
  } else {
    const visible = () => page.evaluate(() =>
      [...document.querySelectorAll('#site-menu a')].filter((a) => a.offsetParent !== null).length);
    const before = await visible();
    if (before !== 0) failures.push(`${user}: ${before} menu links show before the menu is opened`);
    await toggle.click();
    const shown = await visible();
    if (shown < 2) failures.push(`${user}: opening the menu shows ${shown} links`);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true')
      failures.push(`${user}: the menu button does not say it is expanded`);
    await toggle.click();
    if ((await visible()) !== 0) failures.push(`${user}: the menu does not close again`);
  }
  await context.close();
}

const counts = [];
for (const user of users) {
  counts.push(`${user}: ${await crawl(user, PHONE, true)} pages at 390 px`);
  await crawl(user, DESKTOP, false);
  await menuOpens(user);
}
await browser.close();
console.log(counts.join('; '));
if (failures.length) {
  console.error(failures.join('\n'));
  console.error(`phone.mjs: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log('phone.mjs: ok');
