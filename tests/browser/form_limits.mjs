// A form larger than the server takes is not sent, and what was typed stays (web/static/app.js):
// the framework editor of a server started with small limits, a long text pasted in, then Save
// (a plain post) and Check (answered in place by htmx). Neither leaves the page or reaches the
// server; the page says why; the text is still in the editor. A form that fits is sent.
//   node form_limits.mjs BASE_URL USER PASSWORD FRAMEWORK
import { launch, watchedPage, check, follow } from './browser.mjs';

const [base, user, password, framework] = process.argv.slice(2);
const browser = await launch();
const { page, problems } = await watchedPage(browser);
let posts = 0;
page.on('request', (r) => { if (r.method() === 'POST') ++posts; });

await page.goto(new URL('login', base).href);
await page.fill('#user', user);
await page.fill('#password', password);
await follow(page, 'button[type=submit]');
check(!page.url().includes('/login'), `${user} could not sign in: ${page.url()} ${await page.textContent('main')}`);
posts = 0;

const editor = new URL(`admin/frameworks/${framework}/edit`, base).href;
await page.goto(editor);
// The YAML text is behind the editor's YAML button (web/static/editor.js), whose forms ask the
// server to read the text first: those requests are not what this test counts.
await page.click('button[data-mode="yaml"]');
await page.waitForSelector('#yaml', { state: 'visible' });
await page.waitForLoadState('networkidle');
posts = 0;
const limits = await page.getAttribute('meta[name="ladder-form-limits"]', 'content');
check(/^body=\d+ field=\d+$/.test(limits || ''), `the page does not say its limits: ${limits}`);
const original = await page.inputValue('#yaml');
const typed = original + '\n# ' + 'a note typed by hand '.repeat(600) + '\n';
await page.fill('#yaml', typed);

await page.click('form.editor button[type=submit]:not([formaction])');
await page.waitForTimeout(300);
check(page.url() === editor, `Save left the page for ${page.url()}`);
const alert = await page.textContent('.form-too-large');
check(/^Not sent: .*server takes at most/.test(alert || ''), `Save: ${alert}`);
check((await page.inputValue('#yaml')) === typed, 'Save lost what was typed');

await page.click('form.editor button[formaction="/admin/lint"]');
await page.waitForTimeout(300);
check(page.url() === editor, `Check left the page for ${page.url()}`);
check((await page.$$('.form-too-large')).length === 1, 'the refusal is shown once');
check((await page.inputValue('#yaml')) === typed, 'Check lost what was typed');
check(posts === 0, `${posts} request(s) reached the server`);

// What fits is sent: the original text, checked in place.
await page.fill('#yaml', original);
await page.click('form.editor button[formaction="/admin/lint"]');
await page.waitForTimeout(500);
check(posts === 1, `the check of a framework that fits was not sent (${posts})`);

check(problems.length === 0, problems.join('\n'));
await browser.close();
console.log('form_limits.mjs: ok');
