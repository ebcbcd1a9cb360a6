import { startTestApp, type TestApp } from '../support/app';
import { tokenKey } from '../../src/staff/sessions';
import { staffLogin } from '../handoff/support';

let server: TestApp;
const now = new Date('2026-03-02T09:00:00Z');

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema; minItems?: number; minLength?: number; format?: string; minimum?: number };
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** A value that passes a JSON schema, so the guard (not body validation) is what answers. */
function sample(schema: Schema | undefined): unknown {
  if (!schema) return {};
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) return Object.fromEntries((schema.required ?? []).map((key) => [key, sample(schema.properties?.[key])]));
  if (type === 'array') return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items));
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (schema.format === 'email') return 'someone@example.org';
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'date-time') return now.toISOString();
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** Every staff route of the OpenAPI document (all features), except logging in itself. */
function staffRoutes(): Array<{ method: string; url: string; body?: unknown }> {
  const doc = server.app.http.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/staff/'))
    .flatMap(([path, operations]) => Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      body: op.requestBody ? sample(op.requestBody.content?.['application/json']?.schema) : undefined,
    })))
    .filter((r) => !(r.method === 'POST' && r.url === '/api/staff/session'));
}

async function call(route: { method: string; url: string; body?: unknown }, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${server.url}${route.url}`, {
    method: route.method, redirect: 'manual',
    headers: route.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: route.body === undefined ? undefined : JSON.stringify(route.body),
  });
  await response.body?.cancel();
  return response.status;
}

beforeAll(async () => {
  server = await startTestApp({ prefix: 'staff_walk', clock: () => now });
});
afterAll(() => server.close());

test('the walk covers the case API', () => {
  const urls = staffRoutes().map((r) => `${r.method} ${r.url}`);
  for (const expected of ['GET /api/staff/cases', 'POST /api/staff/cases/00000000-0000-4000-8000-000000000000/claim', 'GET /api/staff/events', 'GET /api/staff/stats', 'DELETE /api/staff/session']) {
    expect(urls).toContain(expected);
  }
});

test('every staff route refuses a request without credentials, and one with a wrong token (401)', async () => {
  for (const route of staffRoutes()) {
    expect([route.url, route.method, await call(route)]).toEqual([route.url, route.method, 401]);
    expect([route.url, route.method, await call(route, { authorization: 'Bearer not-a-token' })]).toEqual([route.url, route.method, 401]);
  }
});

test('role-restricted staff routes refuse the wrong roles (403)', async () => {
  const agent = await staffLogin(server, 'agent@digipunt.test', 'agent', now);
  const coordinator = await staffLogin(server, 'coordinator@digipunt.test', 'coordinator', now);
  const admin = await staffLogin(server, 'admin@digipunt.test', 'admin', now);
  const restricted: Array<{ url: string; allowed: string[] }> = [
    { url: '/api/staff/stats', allowed: ['coordinator', 'admin'] },
    { url: '/api/staff/audit', allowed: ['admin'] },
  ];
  const tokens: Record<string, Record<string, string>> = { agent: agent.headers, coordinator: coordinator.headers, admin: admin.headers };
  for (const { url, allowed } of restricted) {
    for (const [role, headers] of Object.entries(tokens)) {
      const status = await call({ method: 'GET', url }, { authorization: headers.authorization ?? '' });
      expect([url, role, status]).toEqual([url, role, allowed.includes(role) ? 200 : 403]);
    }
  }
  // Nothing an agent may not do answers with data: every route is either allowed or 403, never 401.
  for (const route of staffRoutes().filter((r) => r.url !== '/api/staff/session')) {
    expect([route.method, route.url, await call(route, { authorization: agent.headers.authorization ?? '' })]).not.toEqual([route.method, route.url, 401]);
  }
});

test('a dashboard cookie without the CSRF token is refused on every unsafe staff route (403)', async () => {
  await server.app.staff.accounts.create({ email: 'cookie@digipunt.test', role: 'admin', password: 'cookie password long' }, now);
  const login = await fetch(`${server.url}/staff/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'cookie@digipunt.test', password: 'cookie password long' }).toString(),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  expect(await server.app.connection.collection('staff_sessions').countDocuments({ _id: tokenKey(cookie.split('=')[1] ?? '') as never })).toBe(1);
  for (const route of staffRoutes().filter((r) => r.method !== 'GET')) {
    expect([route.url, route.method, await call(route, { cookie })]).toEqual([route.url, route.method, 403]);
  }
});

test('dashboard pages send strangers to the login page and refuse the wrong role', async () => {
  for (const page of server.app.staff.dashboard.all()) {
    const url = `/staff/${page.path.replace(/:[a-z]+/g, 'x')}`;
    const response = await fetch(`${server.url}${url}`, { redirect: 'manual' });
    expect([url, response.status, response.headers.get('location')]).toEqual([url, 303, '/staff/login']);
  }
  const agent = await staffLogin(server, 'agent2@digipunt.test', 'agent', now);
  void agent;
  await server.app.staff.accounts.create({ email: 'agent3@digipunt.test', role: 'agent', password: 'agent three password' }, now);
  const login = await fetch(`${server.url}/staff/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'agent3@digipunt.test', password: 'agent three password' }).toString(),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  for (const page of server.app.staff.dashboard.all().filter((p) => !p.roles.includes('agent'))) {
    const response = await fetch(`${server.url}/staff/${page.path}`, { headers: { cookie }, redirect: 'manual' });
    expect([page.path, response.status]).toEqual([page.path, 403]);
  }
  const queue = await fetch(`${server.url}/staff/queue`, { headers: { cookie } });
  expect(queue.status).toBe(200);
  expect(queue.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(await queue.text()).not.toMatch(/<script>(?!\s*$)|style="/);
});
