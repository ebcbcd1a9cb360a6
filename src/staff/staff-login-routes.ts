import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffAccounts } from './accounts';
import type { AuditLog } from './audit';
import { readCookie, sessionCookie } from './cookies';
import { SESSION_COOKIE, STAFF_ROLES, staffOf, type SessionStaffAuth } from './auth';
import { renderLoginPage } from './dashboard-layout';
import type { StaffSessions } from './sessions';
import type { StaffSettings } from './staff-settings';
import type { Translator } from '../core/i18n/translator';

/** What the login routes need; built once by createStaffServices. */
export interface StaffLoginOptions {
  accounts: StaffAccounts;
  sessions: StaffSessions;
  auth: SessionStaffAuth;
  audit: AuditLog;
  settings: StaffSettings;
  translator: Translator;
  clock: () => Date;
  secureCookies: boolean;
}

interface Credentials {
  email: string;
  password: string;
}

const credentialsSchema = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: { email: { type: 'string', minLength: 3, maxLength: 200 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const LOCKED = 'Account locked for a while after too many wrong passwords';

/** A login form post must come from our own pages: a foreign Origin is refused (login CSRF). */
function foreignOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== 'null' && new URL(origin).host !== request.headers.host;
}

/** POST/DELETE /api/staff/session (bearer tokens) and the dashboard's login and logout (cookie). */
export async function staffLoginRoutes(app: FastifyInstance, options: StaffLoginOptions): Promise<void> {
  const { accounts, sessions, audit, settings, clock } = options;
  const t = (key: string): string => options.translator.t('nl', key);

  app.post<{ Body: Credentials }>('/api/staff/session', {
    schema: {
      tags: ['staff'], summary: 'Log in as staff: a bearer token for the staff API', body: credentialsSchema,
      response: { 200: { type: 'object', properties: { token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } } },
    },
  }, async (request, reply) => {
    const now = clock();
    const result = await accounts.login(request.body.email, request.body.password, now);
    if (!result.ok) return reply.code(401).send({ code: 'UNAUTHORIZED', message: result.reason === 'locked' ? LOCKED : 'Wrong email or password' });
    const issued = await sessions.issue(result.principal.id, 'api', settings.sessions.apiTokenHours, now);
    await audit.record({ actor: result.principal.id, action: 'staff.login', subject: `staff:${result.principal.id}`, details: { via: 'api' }, at: now });
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  });

  app.delete('/api/staff/session', {
    schema: { tags: ['staff'], summary: 'Log out: the bearer token stops working', security: [{ bearerAuth: [] }] },
    preValidation: options.auth.guard(STAFF_ROLES),
  }, async (request, reply) => {
    const token = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (token) await sessions.revoke(token);
    return reply.code(204).send();
  });

  app.get('/api/staff/me', {
    schema: { tags: ['staff'], summary: 'Who the token belongs to', security: [{ bearerAuth: [] }] },
    preValidation: options.auth.guard(STAFF_ROLES),
  }, async (request) => staffOf(request));

  app.get('/staff/login', { schema: { hide: true } }, async (_request, reply) => sendLogin(reply, 200));

  app.post<{ Body: Credentials }>('/staff/login', { schema: { hide: true, body: credentialsSchema } }, async (request, reply) => {
    if (foreignOrigin(request)) return reply.code(403).send({ code: 'FORBIDDEN', message: 'Log in from the dashboard itself' });
    const now = clock();
    const result = await accounts.login(request.body.email, request.body.password, now);
    if (!result.ok) return sendLogin(reply, 401, result.reason === 'locked' ? 'staff.login.locked' : 'staff.login.wrong');
    const issued = await sessions.issue(result.principal.id, 'dashboard', settings.sessions.dashboardHours, now);
    await audit.record({ actor: result.principal.id, action: 'staff.login', subject: `staff:${result.principal.id}`, details: { via: 'dashboard' }, at: now });
    const cookie = sessionCookie(SESSION_COOKIE, issued.token, { maxAgeSeconds: settings.sessions.dashboardHours * 3600, secure: options.secureCookies });
    return reply.header('set-cookie', cookie).redirect('/staff', 303);
  });

  app.post('/staff/logout', { schema: { hide: true }, preValidation: options.auth.guard(STAFF_ROLES) }, async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) await sessions.revoke(token);
    await audit.record({ actor: staffOf(request).id, action: 'staff.logout', subject: `staff:${staffOf(request).id}`, at: clock() });
    const cleared = sessionCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: options.secureCookies });
    return reply.header('set-cookie', cleared).redirect('/staff/login', 303);
  });

  function sendLogin(reply: FastifyReply, status: number, errorKey?: string): FastifyReply {
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderLoginPage(t, errorKey).value);
  }
}
