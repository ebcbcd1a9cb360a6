import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

describe('HTTP server: health, readiness, metrics, OpenAPI and request errors', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'http' });
  });

  afterAll(async () => {
    await server.close();
  });

  test('/healthz and /readyz answer; /readyz asks the database', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  test('/metrics counts turns, latency and errors by code', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/digipunt_turns_total\{channel="webchat",outcome="ok"\} \d+/);
    expect(text).toContain('digipunt_turn_duration_seconds_bucket');
    expect(text).toContain('digipunt_errors_total');
  });

  test('/api/docs is an OpenAPI document with the web chat routes', async () => {
    const doc = (await (await fetch(`${server.url}/api/docs`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/webchat/conversations', '/api/webchat/conversations/{id}/messages', '/api/webchat/conversations/{id}/events',
    ]));
  });

  test('pages carry a strict Content-Security-Policy', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('CORS is closed: another origin gets no permission to call the API', async () => {
    const preflight = await fetch(`${server.url}/api/webchat/conversations`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a wrong token is refused, an unknown conversation is not found, a bad body is a 400 with a code', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    expect((await client.post({ text: 'hallo' }, 'not-the-token')).status).toBe(401);
    const missing = await fetch(`${server.url}/api/webchat/conversations/${client.conversationId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    expect(missing.status).toBe(401);
    const unknown = new WebChatClient(server.url);
    unknown.conversationId = '00000000-0000-4000-8000-000000000000';
    expect((await unknown.post({ text: 'x' }, 'whatever')).status).toBe(404);
    const bad = await client.post({ text: 'x', messageId: 'spaces are not allowed' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    const empty = await client.post({});
    expect(empty.status).toBe(400);
  });
});

describe('POST /api/nlu', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'http_nlu' });
  });

  afterAll(async () => {
    await server.close();
  });

  test('answers language, intent, score and alternatives, and is in the OpenAPI document', async () => {
    const response = await fetch(`${server.url}/api/nlu`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Wat zijn jullie openingsuren?' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { language: string; intent: string; score: number; alternatives: unknown[] };
    expect(body).toMatchObject({ language: 'nl', intent: 'faq_hours' });
    expect(body.score).toBeGreaterThan(0.5);
    expect(Array.isArray(body.alternatives)).toBe(true);
    const doc = (await (await fetch(`${server.url}/api/docs`)).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/nlu']).toBeDefined();
  });

  test('an empty text is a 400', async () => {
    const response = await fetch(`${server.url}/api/nlu`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":""}' });
    expect(response.status).toBe(400);
  });
});
