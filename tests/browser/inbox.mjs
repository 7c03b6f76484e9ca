// The inbox in Chromium: a reviewer signs in, sees how many notifications wait in the
// navigation, opens the inbox, follows the vote request to its review, marks one read and then
// all, and turns e-mail for case moves off on her account page.
//   node inbox.mjs BASE_URL USER PASSWORD ARTIFACTS
import { launch, watchedPage, check, shot, follow } from './browser.mjs';

const [base, user, password, artifacts] = process.argv.slice(2);
const browser = await launch();
const { page, problems } = await watchedPage(browser);
const badge = async () => {
  const b = await page.$('nav a.inbox .badge, a.inbox .badge');
  return b ? (await b.textContent()).trim() : '';
};
try {
  await page.goto(new URL('login', base).href);
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  check((await badge()) === '2', `the navigation shows ${await badge()} unread, not 2`);

  await follow(page, 'a.inbox');
  check(new URL(page.url()).pathname === '/inbox', `the inbox link went to ${page.url()}`);
  const items = await page.$$eval('ul.inbox li', (lis) => lis.map((li) => li.textContent));
  check(items.length === 2, `the inbox lists ${items.length} notifications`);
  check(items[0].includes('Your vote is waiting on the review of Cam Egan'),
        `the newest is not the vote request: ${items[0]}`);
  check(items[1].includes('You are on the review panel of Cam Egan'),
        `the older is not the panel: ${items[1]}`);
  await shot(page, artifacts, 'inbox');

  // The vote request leads to the review.
  await follow(page, 'ul.inbox li:first-child a');
  check(/\/cases\/c1$/.test(new URL(page.url()).pathname), `the link went to ${page.url()}`);
  await page.goBack();

  // Mark one read, then all.
  await follow(page, 'ul.inbox li.unread:first-child button');
  check((await page.$$('ul.inbox li.unread')).length === 1, 'marking one read left it unread');
  check((await badge()) === '1', `after one read the navigation shows ${await badge()}`);
  await follow(page, 'form[action="/inbox/read"] button');
  check((await page.$$('ul.inbox li.unread')).length === 0, 'mark all read left some unread');
  check((await badge()) === '', `after all read the navigation shows ${await badge()}`);

  // Preferences on the account page.
  await page.goto(new URL('account', base).href);
  check(await page.isChecked('input[name=email_case_moved]'), 'e-mail for case moves is not on by default');
  await page.selectOption('select[name=email]', 'digest');
  await page.uncheck('input[name=email_case_moved]');
  await follow(page, 'form[action="/account/notifications"] button[type=submit]');
  check(await page.$eval('select[name=email]', (s) => s.value) === 'digest', 'the digest was not kept');
  check(!(await page.isChecked('input[name=email_case_moved]')), 'e-mail for case moves is still on');
  check(await page.isChecked('input[name=webhook_case_moved]'), 'the webhook for case moves was lost');
  await shot(page, artifacts, 'notification-preferences');
  check(problems.length === 0, problems.join('\n'));
  console.log('ok: the inbox, its count, marking read and preferences');
} catch (err) {
  console.error(`FAIL (inbox): ${err.message}`);
  await shot(page, artifacts, 'inbox-failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
