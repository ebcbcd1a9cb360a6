import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { listenResident, MONDAY_10, TestClock, waitFor } from '../handoff/support';

// A staff member works a Turkish resident's case in the real dashboard, in the system Chromium.
const clock = new TestClock(MONDAY_10);
let server: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const abort = new AbortController();

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestApp({ prefix: 'staff_dashboard', clock: clock.read }), launchBrowser()]);
  await server.app.staff.accounts.create({ email: 'an@digipunt.test', role: 'coordinator', password: 'een lang wachtwoord' }, clock.now);
  context = await browser.newContext({ locale: 'nl-BE' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
}, 30000);

afterAll(async () => {
  abort.abort();
  await context?.close();
  await browser?.close();
  await server?.close();
});

test('a staff member logs in, sees a Turkish request arrive live, claims it, replies with a template and resolves it', async () => {
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('E-mailadres').fill('an@digipunt.test');
  await page.getByLabel('Wachtwoord').fill('een lang wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(`${server.url}/staff/queue`);
  expect(await page.locator('h1').textContent()).toBe('Wachtrij');
  await page.getByText('Er wacht nu niemand.').waitFor();

  const resident = new WebChatClient(server.url);
  await resident.open('tr');
  const pushed = listenResident(resident, abort.signal);
  await resident.say('biriyle konuşmak istiyorum');
  const reference = (await server.app.connection.collection('handoff_cases').findOne({ 'address.conversationId': resident.conversationId }))?.reference as string;

  // The queue shows the new request without a reload (server-sent events), and announces it.
  const link = page.getByRole('link', { name: reference });
  await link.waitFor({ timeout: 10000 });
  await page.locator('#alerts').getByText(reference).waitFor();
  await link.click();
  await page.getByRole('heading', { name: 'Hulpvraag' }).waitFor();
  expect(await page.locator('#transcript').textContent()).toContain('biriyle konuşmak istiyorum');

  await page.getByRole('button', { name: 'Oppakken' }).click();
  await page.getByRole('button', { name: 'Versturen' }).waitFor();
  expect(await page.locator('#case-status').textContent()).toBe('in behandeling');

  await page.getByLabel(/Kies een standaardantwoord/).selectOption('need_more_info');
  await page.getByRole('button', { name: 'Versturen' }).click();
  const template = await waitFor(() => pushed.find((m) => m.text === server.app.renderer.text('tr', 'case_reply.need_more_info')));
  expect(template.lang).toBe('tr');

  // The resident's answer reaches the open case page live.
  await resident.say('ekranım siyah');
  await page.locator('#transcript').getByText('ekranım siyah').waitFor({ timeout: 10000 });

  await page.getByLabel('Hoe is de vraag afgerond?').selectOption('answered');
  await page.getByRole('button', { name: 'Afronden' }).click();
  await page.getByText('Deze hulpvraag is afgesloten.').waitFor();
  const csat = await waitFor(() => pushed.find((m) => m.text === server.app.renderer.text('tr', 'case.csat.prompt')));
  expect(csat.choices).toHaveLength(5);
  expect(problems).toEqual([]);
}, 60000);

test('the statistics page draws its charts with the served chart library', async () => {
  await page.goto(`${server.url}/staff/stats`);
  await page.waitForFunction(() => document.getElementById('stats')?.dataset.ready === 'true', undefined, { timeout: 10000 });
  expect(await page.locator('canvas').count()).toBe(5);
  expect(await page.locator('#waiting-times').textContent()).toMatch(/Mediaan \d/);
  expect(problems).toEqual([]);
});

test('the dashboard is usable with the keyboard: a skip link first, then the menu', async () => {
  await page.goto(`${server.url}/staff/queue`);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/staff/queue');
  expect(await page.locator('html').getAttribute('lang')).toBe('nl');
});
