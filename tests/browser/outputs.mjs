// Job descriptions and interview guides in Chromium, on the server or the static site: reached
// from the level page, a role profile chosen (server), a print button that only shows with
// scripts, and printing: no navigation, a job description on portrait pages, an interview guide
// as a portrait scorecard whose competencies are not split across pages, PDFs of both.
//   node outputs.mjs BASE_URL NAME ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { launch, watchedPage, check, shot, urlOf } from './browser.mjs';

const [base, name, artifacts] = process.argv.slice(2);
const dir = path.join(artifacts, name);
fs.mkdirSync(dir, { recursive: true });
const server = base.startsWith('http');

// The size of each page of a PDF, from its MediaBox entries (points).
function pdfPages(file) {
  const text = fs.readFileSync(file).toString('latin1');
  check(text.startsWith('%PDF-'), `${file} is not a PDF`);
  return [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

async function printed(page) {
  return page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].filter(
      (e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length;
    return {
      chrome: shown('header.site') + shown('footer.site') + shown('.output-nav') +
        shown('.role-choice') + shown('.crumbs') + shown('button'),
      boxes: shown('.box'),
      rubrics: shown('table.rubric'),
      breaks: [...document.querySelectorAll('.guide-competency')].map(
        (s) => getComputedStyle(s).breakInside),
    };
  });
}

const browser = await launch();
const { page, problems } = await watchedPage(browser);
try {
  // From the level page to its documents.
  await page.goto(urlOf(base, 'f/engineering/ic/e3.html'));
  await page.getByRole('link', { name: 'Job description' }).click();
  check(page.url().endsWith('f/engineering/ic/e3/job-description.html'), `JD at ${page.url()}`);
  check((await page.locator('h1').first().textContent()).trim() === 'Senior Engineer',
        'the job description is titled after the level');
  for (const heading of ['Purpose', 'Responsibilities', 'Requirements', 'What success looks like'])
    check(await page.getByRole('heading', { name: heading, exact: true }).count() === 1,
          `job description: no "${heading}" section`);
  // Cumulative: E1's behaviours are E3's responsibilities too.
  check(await page.getByText('Ships small changes behind review').count() === 1,
        'an inherited behaviour is missing from the responsibilities');
  check(await page.locator('button[data-print]').isVisible(), 'the print button is not shown');
  await shot(page, dir, 'jd');

  if (server) {
    // A role profile of the role catalogue, chosen on the page.
    await page.selectOption('#role', 'senior-software-engineer');
    await page.getByRole('button', { name: 'Show' }).click();
    check(page.url().includes('role=senior-software-engineer'), `role choice: ${page.url()}`);
    check((await page.locator('h1').first().textContent()).trim() === 'Senior Software Engineer',
          'the chosen role profile titles the job description');
    // The profile's KPIs say what success looks like; its skills are requirements.
    check(await page.getByText('Projects delivered with their agreed scope and date').count() === 1,
          'the role profile\'s KPIs are not in the job description');
    check(await page.getByText('System design for availability and change').count() === 1,
          'the role profile\'s skills are not in the job description');
    await shot(page, dir, 'jd-role');
  } else {
    check(await page.locator('#role').count() === 0, 'the static site has no role form');
  }

  // Printed: no navigation; portrait pages.
  await page.emulateMedia({ media: 'print' });
  const jdPrint = await printed(page);
  check(jdPrint.chrome === 0, `job description (print): ${jdPrint.chrome} navigation elements shown`);
  const jdPdf = path.join(dir, 'jd.pdf');
  await page.pdf({ path: jdPdf, preferCSSPageSize: true, printBackground: true });
  const jdPages = pdfPages(jdPdf);
  check(jdPages.length >= 1 && jdPages.length <= 6, `job description: ${jdPages.length} pages`);
  check(jdPages.every((p) => p.height > p.width), 'job description: not printed in portrait');
  await page.emulateMedia({ media: 'screen' });

  // The interview guide.
  await page.goto(urlOf(base, 'f/engineering/ic/e3.html'));
  await page.getByRole('link', { name: 'Interview guide' }).click();
  check(page.url().endsWith('f/engineering/ic/e3/interview-guide.html'), `guide at ${page.url()}`);
  check(await page.locator('section.guide-competency').count() === 5, 'five competencies');
  check(await page.getByRole('columnheader', { name: 'Below: Engineer' }).count() === 5,
        'every rubric is anchored on the level below');
  check(await page.getByText('Tell us about a time you had to lead a project of several engineers')
    .count() === 1, 'a question made from a new behaviour');
  await shot(page, dir, 'guide');
  await page.emulateMedia({ media: 'print' });
  const guidePrint = await printed(page);
  check(guidePrint.chrome === 0, `guide (print): ${guidePrint.chrome} navigation elements shown`);
  check(guidePrint.rubrics === 5, `guide (print): ${guidePrint.rubrics} rubrics shown`);
  check(guidePrint.boxes >= 18, `guide (print): ${guidePrint.boxes} boxes to tick`);
  check(guidePrint.breaks.every((b) => b === 'avoid'), `guide (print): competencies split: ${guidePrint.breaks}`);
  await shot(page, dir, 'guide-print');
  const guidePdf = path.join(dir, 'guide.pdf');
  await page.pdf({ path: guidePdf, preferCSSPageSize: true, printBackground: true });
  const guidePages = pdfPages(guidePdf);
  check(guidePages.length >= 2 && guidePages.length <= 10, `guide: ${guidePages.length} pages`);
  check(guidePages.every((p) => p.height > p.width), 'guide: the scorecard is not portrait');
  await page.emulateMedia({ media: 'screen' });

  // The level pages keep their own landscape print (the named pages do not leak onto them).
  await page.goto(urlOf(base, 'f/engineering/ic/e3.html'));
  const levelPdf = path.join(dir, 'level.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: levelPdf, preferCSSPageSize: true, printBackground: true });
  check(pdfPages(levelPdf).every((p) => p.width > p.height), 'the level page is no longer landscape');

  check(problems.length === 0, problems.join('\n'));
  console.log(`outputs (${name}): job description ${jdPages.length} page(s), guide ${guidePages.length}`);
} finally {
  await browser.close();
}
