// A framework in two languages in Chromium, on the server or the static site: the language
// switcher of the framework page and of a level page (plain links, so it works without
// scripts), the page's `lang`, translated texts, and texts not translated yet shown in the
// source language and marked with its `lang`; at 1280 and at 390 pixels wide.
//   node languages.mjs BASE_URL NAME ARTIFACT_DIR
import path from 'node:path';
import { launch, check, shot, urlOf } from './browser.mjs';

const [base, name, artifacts] = process.argv.slice(2);
const dir = path.join(artifacts, name);

const browser = await launch();
try {
  for (const width of [1280, 390]) {
    // No scripts at all: the switcher is links.
    const context = await browser.newContext({
      viewport: { width, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lang = () => page.evaluate(() => document.documentElement.lang);
    const switcher = page.getByRole('navigation', { name: 'Language' });

    await page.goto(urlOf(base, 'f/fulfilment-operations/index.html'));
    check(await lang() === 'en', `${width}: the English framework page has lang ${await lang()}`);
    check(await switcher.isVisible(), `${width}: no language switcher on the framework page`);
    check(await switcher.locator('[aria-current="page"]').textContent() === 'English',
          `${width}: English is not the current language`);
    check(await page.locator('.fallback').count() === 0,
          `${width}: the source-language page marks fallbacks`);

    await switcher.getByRole('link', { name: 'Español' }).click();
    check(page.url().endsWith('f/fulfilment-operations/index.es.html'),
          `${width}: Español leads to ${page.url()}`);
    check(await lang() === 'es', `${width}: the Spanish page has lang ${await lang()}`);
    check((await page.locator('h1').textContent()).trim() ===
          'Operaciones de preparación de pedidos', `${width}: the title is not translated`);
    check(await page.getByRole('rowheader', { name: /^Seguridad/ }).count() >= 1,
          `${width}: the competency names are not translated`);
    // Texts without a translation: in English, marked as English.
    const trainer = page.locator('span.fallback[lang="en"]', { hasText: 'Site trainer' });
    check(await trainer.count() >= 1, `${width}: the untranslated overlay name is not marked en`);
    const note = page.locator('.note .fallback[lang="en"]', { hasText: 'Promotions are decided' });
    check(await note.count() === 1, `${width}: the untranslated note is not marked en`);
    check(await page.locator('.fallback-note').isVisible(),
          `${width}: the page does not say that some texts are not translated`);
    // The switcher fits the phone's width and its links are large enough to tap.
    const box = await switcher.boundingBox();
    check(box.x >= 0 && box.x + box.width <= width + 1, `${width}: the switcher overflows: ${JSON.stringify(box)}`);
    for (const item of await switcher.locator('a, [aria-current]').all()) {
      const b = await item.boundingBox();
      check(b.height >= 24, `${width}: a switcher entry is ${b.height}px high`);
    }
    await shot(page, dir, `framework-es-${width}`);

    // A level in Spanish, reached from the translated framework page.
    await page.locator('table.matrix a', { hasText: 'FO3' }).first().click();
    check(page.url().endsWith('f/fulfilment-operations/associates/fo3.es.html'),
          `${width}: the level link of the Spanish page leads to ${page.url()}`);
    check(await lang() === 'es', `${width}: the Spanish level page has lang ${await lang()}`);
    check((await page.locator('h1').textContent()).includes('Asociado líder'),
          `${width}: the level title is not translated`);
    check(await page.getByText('Dirige la charla de seguridad del área al inicio del turno.').count() >= 1,
          `${width}: a translated behaviour is missing`);
    const behaviour = page.locator('.fallback[lang="en"]',
                                   { hasText: 'Keeps the standard work instructions of the area up to date.' });
    check(await behaviour.count() >= 1, `${width}: the untranslated behaviour is not marked en`);
    // The switcher sits beside the levels: right after the neighbouring levels' navigation.
    const after = await page.evaluate(() => {
      const nav = document.querySelector('nav.level-nav');
      return nav && nav.nextElementSibling && nav.nextElementSibling.getAttribute('aria-label');
    });
    check(after === 'Language', `${width}: the switcher does not follow the level navigation (${after})`);
    await shot(page, dir, `level-es-${width}`);
    await switcher.getByRole('link', { name: 'English' }).click();
    check(page.url().endsWith('f/fulfilment-operations/associates/fo3.html'),
          `${width}: English leads to ${page.url()}`);
    check(await lang() === 'en', `${width}: back in English, lang is ${await lang()}`);
    check(await page.getByText('Runs the start-of-shift safety briefing of the area.').count() >= 1,
          `${width}: the English level page lost its text`);

    check(errors.length === 0, errors.join('\n'));
    await context.close();
  }
  console.log(`languages (${name}): switcher, lang and fallbacks at 1280 and 390 px`);
} finally {
  await browser.close();
}
