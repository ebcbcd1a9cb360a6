import type { FeatureFactory } from '../../src/features';
import { FEATURES } from '../../src/main';
import { tokenKey } from '../../src/staff/sessions';
import { startTestApp, type TestApp } from '../support/app';

let now = new Date('2026-03-02T09:00:00Z');
let test: TestApp;

/** A feature with one admin-only route, to prove the guard from another feature's scope. */
const adminProbe: FeatureFactory = (deps) => ({
  name: 'probe',
  registerRoutes: async (app) => {
    app.post('/api/staff/probe', { preHandler: deps.staffAuth.guard(['admin']) }, async (request) => ({ id: request.staff?.id }));
  },
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${test.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), redirect: 'manual' });
}

async function token(email: string, password: string): Promise<string> {
  const response = await post('/api/staff/session', { email, password });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  test = await startTestApp({ prefix: 'staff_auth', clock: () => now, features: [...FEATURES, adminProbe] });
  await test.app.staff.accounts.create({ email: 'Admin@Digipunt.test', role: 'admin', password: 'correct horse battery' }, now);
  await test.app.staff.accounts.create({ email: 'agent@digipunt.test', role: 'agent', password: 'agent password 1' }, now);
});
afterAll(() => test.close());

describe('staff auth', () => {
  it('gives a bearer token for good credentials and stores only its hash', async () => {
    const issued = await token('admin@digipunt.test', 'correct horse battery');
    const sessions = test.app.connection.collection('staff_sessions');
    expect(await sessions.countDocuments({ _id: issued as never })).toBe(0);
    expect(await sessions.countDocuments({ _id: tokenKey(issued) as never })).toBe(1);
    const user = await test.app.connection.collection('staff_users').findOne({ email: 'admin@digipunt.test' });
    expect(String(user?.passwordHash)).toMatch(/^\$argon2id\$/);
  });

  it('answers 401 without or with a bad token, 403 for a wrong role, 200 for the right one', async () => {
    expect((await post('/api/staff/probe', {})).status).toBe(401);
    expect((await post('/api/staff/probe', {}, { authorization: 'Bearer nonsense' })).status).toBe(401);
    const agent = await token('agent@digipunt.test', 'agent password 1');
    expect((await post('/api/staff/probe', {}, { authorization: `Bearer ${agent}` })).status).toBe(403);
    const admin = await token('admin@digipunt.test', 'correct horse battery');
    expect((await post('/api/staff/probe', {}, { authorization: `Bearer ${admin}` })).status).toBe(200);
  });

  it('refuses a token after it expires and after logout', async () => {
    const admin = await token('admin@digipunt.test', 'correct horse battery');
    const saved = now;
    now = new Date(saved.getTime() + (test.app.staff.settings.sessions.apiTokenHours * 3600 + 1) * 1000);
    expect((await post('/api/staff/probe', {}, { authorization: `Bearer ${admin}` })).status).toBe(401);
    now = saved;
    await fetch(`${test.url}/api/staff/session`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } });
    expect((await post('/api/staff/probe', {}, { authorization: `Bearer ${admin}` })).status).toBe(401);
  });

  it('logs in the dashboard with an httpOnly SameSite=Strict cookie and needs the CSRF token to post', async () => {
    const login = await fetch(`${test.url}/staff/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@digipunt.test', password: 'correct horse battery' }).toString(),
    });
    expect(login.status).toBe(303);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0] as string;
    const session = await test.app.connection.collection('staff_sessions').findOne({ _id: tokenKey(cookie.split('=')[1] as string) as never });
    const csrf = String(session?.csrf);
    expect((await post('/api/staff/probe', {}, { cookie })).status).toBe(403);
    expect((await post('/api/staff/probe', {}, { cookie, 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await post('/api/staff/probe', {}, { cookie, 'x-csrf-token': csrf })).status).toBe(200);
  });

  it('refuses a login form posted from another site', async () => {
    const response = await fetch(`${test.url}/staff/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'admin@digipunt.test', password: 'correct horse battery' }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it('locks an account after five wrong passwords, for the configured time', async () => {
    await test.app.staff.accounts.create({ email: 'locked@digipunt.test', role: 'agent', password: 'the right password' }, now);
    for (let i = 0; i < 4; i += 1) expect((await post('/api/staff/session', { email: 'locked@digipunt.test', password: `wrong ${i}` })).status).toBe(401);
    expect((await post('/api/staff/session', { email: 'locked@digipunt.test', password: 'the right password' })).status).toBe(200);
    for (let i = 0; i < 5; i += 1) await post('/api/staff/session', { email: 'locked@digipunt.test', password: `wrong ${i}` });
    const refused = await post('/api/staff/session', { email: 'locked@digipunt.test', password: 'the right password' });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { message: string }).message).toMatch(/locked/i);
    const saved = now;
    now = new Date(saved.getTime() + (test.app.staff.settings.lockout.minutes * 60 + 1) * 1000);
    expect((await post('/api/staff/session', { email: 'locked@digipunt.test', password: 'the right password' })).status).toBe(200);
    now = saved;
  });

  it('counts every one of parallel wrong guesses', async () => {
    await test.app.staff.accounts.create({ email: 'parallel@digipunt.test', role: 'agent', password: 'the right password' }, now);
    await Promise.all(Array.from({ length: 10 }, (_, i) => post('/api/staff/session', { email: 'parallel@digipunt.test', password: `guess ${i}` })));
    expect((await post('/api/staff/session', { email: 'parallel@digipunt.test', password: 'the right password' })).status).toBe(401);
  });

  it('sends an unauthenticated dashboard visitor to the login page', async () => {
    const response = await fetch(`${test.url}/staff`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/login');
    const page = await fetch(`${test.url}/staff/login`);
    expect(await page.text()).toContain('Aanmelden');
  });
});
