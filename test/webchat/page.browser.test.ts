import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/app';

// One real Chromium against one real app. The tests run in order and share the page, like one resident's visit.
let server: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
let offline = false; // while the test cuts the connection, failed loads are expected

const bot = (): ReturnType<Page['locator']> => page.locator('#log .message--bot');
const botCount = (): Promise<number> => bot().count();
const waitForMoreBotMessages = (before: number): Promise<unknown> =>
  page.waitForFunction((n) => document.querySelectorAll('#log .message--bot').length > n, before, { timeout: 10000 });
const stored = (): Promise<{ conversationId: string; token: string } | null> =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('digipunt-webchat') ?? 'null') as { conversationId: string; token: string } | null);

async function lastReplyTexts(since: number): Promise<string[]> {
  return (await bot().allTextContents()).slice(since);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestApp({ prefix: 'webchat_page' }), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-BE' });
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !(offline && message.text().startsWith('Failed to load resource'))) problems.push(`console: ${message.text()}`);
  });
}, 30000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

test('opening / shows the welcome in a polite live log, with the page title and heading', async () => {
  await page.goto(`${server.url}/`);
  await page.getByText('computerassistent').waitFor({ timeout: 10000 });
  expect(await page.title()).toBe('Digipunt Aalst');
  expect(await page.locator('h1').textContent()).toBe('Digipunt Aalst');
  const log = page.locator('#log');
  expect(await log.getAttribute('aria-live')).toBe('polite');
  expect(await bot().first().getAttribute('lang')).toBe('nl');
  expect(await bot().first().getAttribute('dir')).toBe('ltr');
  expect(await page.locator('#log button.choice').count()).toBeGreaterThan(1);
});

test('the Tab key reaches the language picker, the choice buttons, the text box and the send button', async () => {
  await page.locator('body').focus();
  const reached = new Set<string>();
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const el = document.activeElement;
      return el?.id ? `#${el.id}` : `${el?.tagName.toLowerCase()}.${el?.className}`;
    }));
  }
  expect([...reached]).toEqual(expect.arrayContaining(['#language', 'button.choice', '#chat-input', '#send']));
});

let choiceReply: string[] = [];

test('clicking a choice button gets the next reply and retires the old buttons', async () => {
  const before = await botCount();
  const oldButtons = await page.locator('#log button.choice').count();
  const button = page.locator('#log button.choice').first();
  const label = await button.locator('.choice__label').textContent();
  await button.click();
  await waitForMoreBotMessages(before);
  choiceReply = await lastReplyTexts(before);
  expect(await page.locator('#log .message--own').last().textContent()).toBe(label);
  // The buttons of answered questions are retired; the reply may bring buttons of its own after them.
  for (let i = 0; i < oldButtons; i += 1) expect(await page.locator('#log button.choice').nth(i).isDisabled()).toBe(true);
});

test('typing the number of a choice (Enter sends) gets the same reply in a new conversation', async () => {
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByText('computerassistent').waitFor({ timeout: 10000 });
  const before = await botCount();
  await page.locator('#chat-input').fill('1');
  await page.locator('#chat-input').press('Enter');
  await waitForMoreBotMessages(before);
  expect(await lastReplyTexts(before)).toEqual(choiceReply);
  expect(await page.locator('#chat-input').inputValue()).toBe('');
});

test('switching the picker to Arabic turns the newest messages and the log right-to-left', async () => {
  const before = await botCount();
  await page.locator('#language').selectOption({ label: 'العربية' });
  await waitForMoreBotMessages(before);
  const newest = bot().last();
  expect(await newest.getAttribute('lang')).toBe('ar');
  expect(await newest.getAttribute('dir')).toBe('rtl');
  for (const selector of ['#log', '#chat']) {
    expect(await page.locator(selector).getAttribute('dir')).toBe('rtl');
    expect(await page.locator(selector).getAttribute('lang')).toBe('ar');
  }
});

test('a reload continues the same conversation: a note, no second welcome, still Arabic', async () => {
  const session = await stored();
  await page.reload();
  await page.locator('#log .note').waitFor({ timeout: 10000 });
  expect(await stored()).toEqual(session);
  expect(await page.getByText('computerassistent').count()).toBe(0);
  expect(await page.locator('#language').inputValue()).toBe('ar');
  expect(await page.locator('#log').getAttribute('dir')).toBe('rtl');
});

test('when the server cannot be reached, an error line shows and the typed text stays; the retry reuses the messageId', async () => {
  const bodies: string[] = [];
  offline = true;
  await page.route('**/api/webchat/conversations/*/messages', (route) => {
    bodies.push(route.request().postData() ?? '');
    return route.abort('connectionrefused');
  });
  await page.locator('#chat-input').fill('9300');
  await page.locator('#chat-input').press('Enter');
  const status = page.locator('#status');
  await status.waitFor({ state: 'visible', timeout: 10000 });
  expect(await status.locator('[lang="nl"]').textContent()).toContain('Geen verbinding');
  expect(await status.locator('[lang="en"]').textContent()).toContain('No connection');
  expect(await page.locator('#chat-input').inputValue()).toBe('9300');

  await page.unroute('**/api/webchat/conversations/*/messages');
  offline = false;
  const sent = page.waitForRequest('**/api/webchat/conversations/*/messages');
  const before = await botCount();
  await page.locator('#send').click();
  const ids = [...bodies, (await sent).postData() ?? ''].map((body) => (JSON.parse(body) as { messageId: string }).messageId);
  expect(new Set(ids).size).toBe(1);
  await waitForMoreBotMessages(before);
  expect(await status.isHidden()).toBe(true);
  expect(await page.locator('#chat-input').inputValue()).toBe('');
});

test('a staff message arrives through server-sent events, with its own lang and dir', async () => {
  const session = await stored();
  const before = await botCount();
  const address = { channel: 'webchat', conversationId: session!.conversationId, userId: session!.conversationId };
  await server.app.channels.send(address, [{ id: 'staff-1', text: 'Dag, ik ben Ann van Digipunt.\nIk help je graag.', language: 'nl', direction: 'ltr' }]);
  await waitForMoreBotMessages(before);
  const staff = page.locator('#m-staff-1');
  expect(await staff.getAttribute('lang')).toBe('nl');
  expect(await staff.getAttribute('dir')).toBe('ltr');
  expect(await staff.locator('.message__text').innerText()).toBe('Dag, ik ben Ann van Digipunt.\nIk help je graag.');
});

test('the page talked only to its own server, broke no CSP rule, and looks right on a phone', async () => {
  await page.screenshot({ path: '/tmp/webchat.png' });
  const foreign = requests.filter((url) => !url.startsWith(`${server.url}/`));
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});
