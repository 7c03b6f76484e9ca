// What every reading page must give beyond its content, checked in Chromium on the server or on
// the static site of the five seeds: the language set, tables with header cells and scopes,
// text contrast of at least 4.5:1 (WCAG AA) on its actual background, a keyboard path to the
// search box, the level navigation and the compare links with a visible focus, live search as
// the reader types, inherited expectations folded behind one button, and printing: navigation
// hidden, the three columns of a level kept, no table clipped, inherited expectations shown, and
// a PDF of a level page and of a framework page.
//   node pages.mjs BASE_URL NAME ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { launch, watchedPage, check, shot, urlOf, follow } from './browser.mjs';

const [base, name, artifacts] = process.argv.slice(2);
const dir = path.join(artifacts, name);
fs.mkdirSync(dir, { recursive: true });

// Runs in the page: every visible element with its own text, its colour and the colour behind
// it (backgrounds of it and its ancestors composited over white), with the contrast ratio.
function contrastReport() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const background = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.push(e);
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const e of chain.reverse()) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) bg = over(c, bg);
    }
    return bg;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE', 'OPTION'].includes(el.tagName)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
    if (rect.right < 0 || rect.bottom < 0) continue;  // off screen (the skip link)
    const bg = background(el);
    const fg = over(parse(style.color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    out.push({ what: el.tagName.toLowerCase() + cls, text: el.textContent.trim().slice(0, 40),
               ratio: Math.round(ratio * 100) / 100, color: style.color, inLink: !!el.closest('a'),
               isNew: !!el.closest('.badge-new, li.new') });
  }
  return out;
}

async function checkContrast(page, label, must) {
  const report = await page.evaluate(contrastReport);
  check(report.length > 10, `${label}: only ${report.length} text elements measured`);
  const low = report.filter((r) => r.ratio < 4.5);
  check(low.length === 0, `${label}: contrast below 4.5:1: ${low.slice(0, 8).map(
    (r) => `${r.what} "${r.text}" ${r.ratio}:1`).join('; ')}`);
  if (must.includes('link')) check(report.some((r) => r.inLink), `${label}: no link text measured`);
  if (must.includes('new')) check(report.some((r) => r.isNew), `${label}: no "new" mark measured`);
  if (must.includes('body')) check(report.some((r) => r.what.startsWith('p') || r.what.startsWith('li')),
                                  `${label}: no body text measured`);
  return report.length;
}

// The language is set and every table has header cells, each with a scope.
async function checkStructure(page, label) {
  check((await page.getAttribute('html', 'lang')) === 'en', `${label}: lang is not "en"`);
  const tables = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => ({
    cls: t.className,
    cols: t.querySelectorAll('th[scope=col]').length,
    unscoped: [...t.querySelectorAll('th')].filter(
      (th) => !['col', 'row', 'rowgroup', 'colgroup'].includes(th.getAttribute('scope'))).length,
    rows: t.querySelectorAll('tbody tr').length,
    rowHeaders: t.querySelectorAll('tbody th[scope=row]').length,
  })));
  for (const t of tables) {
    check(t.cols > 0, `${label}: table.${t.cls} has no column headers`);
    check(t.unscoped === 0, `${label}: table.${t.cls} has ${t.unscoped} th without scope`);
    check(t.rowHeaders > 0, `${label}: table.${t.cls} rows have no row headers`);
  }
  return tables.length;
}

// Presses Tab until an element matching `selector` (and whose text starts with `text`, when
// given) has the focus, and checks that the focus is visible; returns the number of presses.
async function tabTo(page, selector, label, text = '', max = 120) {
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(([sel, txt]) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel) || !el.textContent.trim().startsWith(txt)) return null;
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: el.matches(':focus-visible') };
    }, [selector, text]);
    if (hit) {
      check(hit.visible, `${label}: ${selector} focused but not :focus-visible`);
      check(hit.style !== 'none' && hit.width >= 2,
            `${label}: focus on ${selector} is not visible (outline ${hit.style} ${hit.width}px)`);
      return i + 1;
    }
  }
  throw new Error(`${label}: ${max} presses of Tab never reach ${selector} ${text}`);
}

// A4 landscape with the print stylesheet's 12 mm margins: (297 - 24) mm at 96 px per inch.
const PRINT_WIDTH = Math.floor(((297 - 24) / 25.4) * 96);

async function checkPrint(page, label, file, { threeColumns }) {
  await page.setViewportSize({ width: PRINT_WIDTH, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const state = await page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].filter(
      (e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length;
    const width = document.documentElement.clientWidth;
    const tables = [...document.querySelectorAll('table')].map((t) => {
      const r = t.getBoundingClientRect();
      const overflowing = [...t.querySelectorAll('th, td')].filter(
        (c) => c.scrollWidth > c.clientWidth + 1).length;
      const wrap = t.closest('.scroll');
      return { cls: t.className, left: r.left, right: r.right, overflowing,
               wrapClips: wrap ? wrap.scrollWidth > wrap.clientWidth + 1 : false };
    });
    const cols = [...document.querySelectorAll('table.levels3 thead th')].map((th) => {
      const r = th.getBoundingClientRect();
      return { left: r.left, width: r.width, text: th.textContent.trim() };
    });
    return {
      width,
      nav: shown('header.site') + shown('.level-nav') + shown('.fw-nav ul') + shown('footer.site') +
        shown('form'),
      tables, cols,
    };
  });
  check(state.nav === 0, `${label} (print): navigation, footer or forms still shown`);
  check(state.tables.length > 0, `${label} (print): no table`);
  for (const t of state.tables) {
    check(t.left >= -1 && t.right <= state.width + 1,
          `${label} (print): table.${t.cls} spans ${t.left}..${t.right}, page is ${state.width} wide`);
    check(t.overflowing === 0, `${label} (print): ${t.overflowing} cells of table.${t.cls} clip their content`);
    check(!t.wrapClips, `${label} (print): table.${t.cls} scrolls inside its box`);
  }
  if (threeColumns) {
    check(state.cols.length === 4, `${label} (print): ${state.cols.length} header cells, not 4`);
    for (let i = 1; i < 4; ++i) {
      check(state.cols[i].width > 150, `${label} (print): column ${i} is ${state.cols[i].width}px wide`);
      check(state.cols[i].left > state.cols[i - 1].left, `${label} (print): columns out of order`);
    }
  }
  await shot(page, dir, `${file}-print`);
  const pdf = path.join(dir, `${file}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const bytes = fs.readFileSync(pdf);
  check(bytes.subarray(0, 5).toString() === '%PDF-', `${label}: ${pdf} is not a PDF`);
  const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  check(pages >= 1 && pages <= 40, `${label}: the PDF has ${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1400, height: 1000 });
  return pages;
}

// A level page of a cumulative ladder (seed 004): what it inherits from the levels below is
// folded, one button opens and folds every block, and printing shows them all open.
async function checkInherited(page) {
  const blocks = page.locator('details.inherited');
  const count = await blocks.count();
  check(count > 1, `only ${count} inherited blocks to fold`);
  const open = () => page.evaluate(() => [...document.querySelectorAll('details.inherited')]
      .filter((d) => d.open).length);
  check(await open() === 0, 'inherited blocks are open when the page loads');
  const toggle = page.locator('button[data-toggle-inherited]');
  check(await toggle.count() === 1, `${await toggle.count()} buttons fold the inherited blocks`);
  check(await toggle.isVisible(), 'the button that opens the inherited blocks is hidden');
  await toggle.click();
  check(await open() === count, 'the button did not open every inherited block');
  check(await toggle.getAttribute('aria-expanded') === 'true', 'the button does not say it opened them');
  await toggle.click();
  check(await open() === 0, 'the button did not fold every inherited block');
  // Printed, folded blocks show what they hold.
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => [...document.querySelectorAll('details.inherited li')]
      .filter((li) => li.getBoundingClientRect().height > 0).length);
  const items = await page.locator('details.inherited li').count();
  check(items > 0 && shown === items, `printed, ${shown} of ${items} inherited behaviours show`);
  check(!(await toggle.isVisible()), 'the fold button is printed');
  await page.emulateMedia({ media: 'screen' });
  return count;
}

const browser = await launch();
const { page, problems } = await watchedPage(browser);
const notes = [];
try {
  // Home: the search box is reached with the keyboard, focus visible.
  await page.goto(urlOf(base, 'index.html'));
  await checkStructure(page, 'home');
  notes.push(`home: ${await checkContrast(page, 'home', ['link', 'body'])} texts`);
  notes.push(`search box after ${await tabTo(page, 'input#q', 'home')} Tabs`);

  // The level page of seed 000 (three columns, new marks) and the framework page of seed 001
  // (six levels: the widest matrix of the seeds).
  await follow(page, '.cards h2 a:has-text("Sr Individual Contributor Path")');
  await follow(page, 'table.matrix thead a:has-text("sr-software-engineer-2")');
  const levelUrl = page.url();
  check(await checkStructure(page, 'level') >= 1, 'level page has no table');
  notes.push(`level: ${await checkContrast(page, 'level', ['link', 'body', 'new'])} texts`);
  await tabTo(page, '.level-nav a[rel=prev]', 'level');
  await tabTo(page, '.level-nav a', 'level', 'What changes at');
  await tabTo(page, '.level-nav a[rel=next]', 'level');
  await shot(page, dir, 'level-keyboard');

  await page.goto(levelUrl);
  notes.push(`level PDF: ${await checkPrint(page, 'level', 'level', { threeColumns: true })} pages`);

  await follow(page, '.level-nav a:has-text("What changes at")');
  await page.waitForSelector('table.compare');
  await checkStructure(page, 'compare');
  await checkContrast(page, 'compare', ['link']);
  const marks = await page.locator('table.compare ins, table.compare del').count();
  check(marks > 0, 'compare page has no word-level marks to measure');

  await page.goto(urlOf(base, 'index.html'));
  await follow(page, '.cards h2 a:has-text("Customer support career framework")');
  check(await checkStructure(page, 'framework') >= 1, 'framework page has no table');
  notes.push(`framework: ${await checkContrast(page, 'framework', ['link', 'body'])} texts`);
  notes.push(`framework PDF: ${await checkPrint(page, 'framework', 'framework', { threeColumns: false })} pages`);

  // A level of seed 004, cumulative: inherited expectations folded, printed open.
  await page.goto(urlOf(base, 'index.html'));
  await follow(page, '.cards h2 a:has-text("Customer Engineering Career Ladder")');
  await follow(page, 'table.matrix thead a[href$="management/manager.html"]');
  notes.push(`inherited blocks: ${await checkInherited(page)}`);
  await page.goto(urlOf(base, 'index.html'));
  await follow(page, '.cards h2 a:has-text("Customer support career framework")');
  await follow(page, '.fw-nav a:has-text("Compare levels")');

  // Compare index and role catalogue: structure and contrast.
  await follow(page, '.fw-nav a:has-text("Compare levels")');
  await checkStructure(page, 'compare index');
  await tabTo(page, 'select#a', 'compare index');
  await follow(page, 'header.site a:has-text("Role catalogue")');
  check(await checkStructure(page, 'roles') >= 1, 'role catalogue has no table');
  await checkContrast(page, 'roles', ['link']);

  // Live search: typing shows results without submitting (htmx on the server, search.js on the
  // static site); the page is not reloaded.
  await page.goto(urlOf(base, 'search.html'));
  await page.evaluate(() => { window.ladderSamePage = true; });
  await page.locator('#q').pressSequentially('observability', { delay: 15 });
  await page.waitForSelector('#results li.hit', { timeout: 5000 });
  check(await page.evaluate(() => window.ladderSamePage === true), 'search reloaded the page');
  const first = (await page.locator('#results li.hit mark').first().textContent()).toLowerCase();
  check(first === 'observability', `live search marks "${first}"`);
  if (base.startsWith('http')) {
    check(await page.evaluate(() => typeof window.htmx === 'object'), 'htmx is not loaded');
    await page.waitForFunction(() => window.location.search.includes('q=observability'));
  }
  await checkContrast(page, 'search', ['link']);
  await shot(page, dir, 'live-search');

  check(problems.length === 0, problems.join('\n'));
  console.log(`ok: ${name} pages (${notes.join(', ')})`);
} catch (err) {
  await shot(page, dir, 'pages-failure').catch(() => {});
  console.error(`FAIL (${name} pages): ${err.message}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
