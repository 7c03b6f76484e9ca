// Hostile content: visits every page of a site rendered from a framework whose every text field
// carries markup and script, and fails on any dialog, script error or injected element.
//   node hostile.mjs BASE_URL NAME ARTIFACT_DIR PAGE...
import path from 'node:path';
import { launch, watchedPage, check, shot, urlOf } from './browser.mjs';

const [base, name, artifacts, ...pages] = process.argv.slice(2);
const browser = await launch();
const { page, problems } = await watchedPage(browser);
try {
  check(pages.length > 5, `only ${pages.length} pages to visit`);
  for (const rel of pages) {
    await page.goto(urlOf(base, rel));
    // Give event handlers (onerror, onload, autofocus/onfocus) a chance to fire.
    await page.waitForTimeout(30);
    const injected = await page.evaluate(() => {
      const bad = [];
      for (const s of document.querySelectorAll('script')) {
        if (!s.src) bad.push('inline script');
      }
      for (const tag of ['iframe', 'svg', 'style', 'object', 'embed']) {
        if (document.querySelector(tag)) bad.push(tag);
      }
      for (const img of document.querySelectorAll('img')) {
        if (img.getAttribute('src') && img.getAttribute('src') !== '') bad.push('img ' + img.src);
      }
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
          // The one data: URL of the site is its empty favicon (no request for /favicon.ico).
          const favicon = el.tagName === 'LINK' && el.rel === 'icon' && a.value === 'data:,';
          if (/^(href|src)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value) &&
              !favicon)
            bad.push(`${el.tagName} ${a.name}=${a.value}`);
        }
      }
      return bad;
    });
    check(injected.length === 0, `${rel}: ${injected.join(', ')}`);
    // The payload text is visible as text where it belongs.
    if (rel.endsWith('f/hostile/index.html')) {
      check((await page.textContent('h1')).includes('<script>alert("name")</script>'),
            'the framework name is not shown as text');
      await shot(page, path.join(artifacts, name), 'hostile-framework');
    }
  }
  check(problems.length === 0, problems.join('\n'));
  console.log(`ok: ${name}: ${pages.length} hostile pages, no script ran, no dialog`);
} catch (err) {
  console.error(`FAIL (${name} hostile): ${err.message}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
