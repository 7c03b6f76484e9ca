// No open redirect: a signed-in user who opens a sign-in link whose `next` points elsewhere
// (a tab, a newline or a backslash that the browser drops or turns into a slash, "//", a
// scheme) stays on the site. Every request the browser makes to another host is recorded
// (and answered by the test itself, never by the network).
//   node redirect.mjs BASE_URL USER PASSWORD
import { launch, watchedPage, check } from './browser.mjs';

const [base, user, password] = process.argv.slice(2);
const site = new URL(base);
const browser = await launch();
const { page, context } = await watchedPage(browser);
try {
  const foreign = [];
  page.on('request', (request) => {
    if (new URL(request.url()).host !== site.host) foreign.push(request.url());
  });
  await context.route((url) => url.host !== site.host, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil.example</h1>' }));
  // Sign in through the form, as a person does.
  await page.goto(new URL('login', base).href);
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  check(new URL(page.url()).host === site.host, `signing in left the site: ${page.url()}`);
  for (const next of ['/%09/evil.example', '/%0A/evil.example', '/%0D%0A/evil.example',
                      '/%5Cevil.example', '%5C%5Cevil.example', '//evil.example',
                      '/%2F/evil.example', 'https://evil.example/', '/%20/evil.example']) {
    foreign.length = 0;
    try {
      await page.goto(new URL('login?next=' + next, base).href);
    } catch (err) {
      check(foreign.length === 0, `next=${next} sent a signed-in user to ${foreign[0]}`);
      throw err;
    }
    check(foreign.length === 0, `next=${next} sent a signed-in user to ${foreign[0]}`);
    const landed = new URL(page.url());
    check(landed.host === site.host, `next=${next} sent a signed-in user to ${page.url()}`);
    check(!(await page.content()).includes('<h1>evil.example</h1>'),
          `next=${next} showed a page of another site`);
  }
  // A local target is still honoured.
  await page.goto(new URL('login?next=/account', base).href);
  check(new URL(page.url()).pathname === '/account', `next=/account landed on ${page.url()}`);
  console.log('ok: sign-in links never leave the site');
} catch (err) {
  console.error(`FAIL (redirect): ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
