import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { StaffAccounts } from './accounts';
import { readCookie } from './cookies';
import type { StaffSessions } from './sessions';
import { STAFF_ROLES, type StaffAuth, type StaffPrincipal, type StaffRole } from './staff-types';

export type { StaffAuth, StaffPrincipal, StaffRole } from './staff-types';
export { STAFF_ROLES };

/** The dashboard's session cookie (httpOnly, SameSite=Strict, path /). */
export const SESSION_COOKIE = 'digipunt_staff';
/** Where a dashboard script or form sends the CSRF token: this header, or the `_csrf` form field. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who a request is, and through which kind of credential. */
export interface Authenticated {
  principal: StaffPrincipal;
  via: 'bearer' | 'cookie';
  csrf?: string;
}

/** A refusal the guard sends: 401 (who are you?) or 403 (not you / not this way). */
export type Refusal = { status: 401 | 403; message: string };

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function cookieToken(request: FastifyRequest): string | undefined {
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function presentedCsrf(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body as { _csrf?: unknown } | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}

/**
 * The StaffAuth of the app: bearer tokens (API clients) or the dashboard cookie, both looked up by hash
 * in StaffSessions; the cookie additionally needs the session's CSRF token on every unsafe method.
 * The cookie is read without a plugin, so the guard works in any feature's route scope.
 */
export class SessionStaffAuth implements StaffAuth {
  constructor(private readonly accounts: StaffAccounts, private readonly sessions: StaffSessions, private readonly clock: () => Date) {}

  /** Resolves the request's credentials; a bearer token wins over a cookie. */
  async authenticate(request: FastifyRequest): Promise<Authenticated | null> {
    const bearer = bearerToken(request);
    const cookie = bearer ? undefined : cookieToken(request);
    const token = bearer ?? cookie;
    if (!token) return null;
    const session = await this.sessions.resolve(token, bearer ? 'api' : 'dashboard', this.clock());
    const principal = session ? await this.accounts.principal(session.userId) : null;
    if (!session || !principal) return null;
    return { principal, via: bearer ? 'bearer' : 'cookie', csrf: session.csrf };
  }

  /** Decides a request: the principal, or the refusal to send. */
  async check(request: FastifyRequest, roles: readonly StaffRole[]): Promise<Authenticated | Refusal> {
    const found = await this.authenticate(request);
    if (!found) return { status: 401, message: 'Log in first' };
    if (!roles.includes(found.principal.role)) return { status: 403, message: 'Your role may not do this' };
    if (found.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const csrf = presentedCsrf(request);
      if (!csrf || !found.csrf || !sameSecret(csrf, found.csrf)) return { status: 403, message: 'CSRF token missing or wrong' };
    }
    return found;
  }

  guard(roles: readonly StaffRole[]): preHandlerAsyncHookHandler {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const known = passed.get(request);
      const result = known && roles.includes(known.principal.role) ? known : await this.check(request, roles);
      if ('status' in result) {
        return reply.code(result.status).send({ code: result.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: result.message });
      }
      request.staff = result.principal;
      request.staffCsrf = result.csrf;
      return undefined;
    };
  }
}

/** Requests the gate already authenticated, so the route's guard does not look the session up again. */
const passed = new WeakMap<FastifyRequest, Authenticated>();

/** URLs the gate lets through without credentials: logging in. */
const OPEN = new Set(['POST /api/staff/session']);

/**
 * A root onRequest hook for every /api/staff/ URL, before any parsing or validation: no valid
 * credentials → 401, a cookie call without its CSRF header → 403. So an anonymous caller learns nothing
 * from validation errors, and a staff route whose guard was forgotten is still closed. Roles stay
 * with each route's guard.
 */
export function staffGate(auth: SessionStaffAuth): (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> {
  return async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (!url.startsWith('/api/staff/') || OPEN.has(`${request.method} ${url}`)) return undefined;
    const result = await auth.check(request, STAFF_ROLES);
    if ('status' in result) return reply.code(result.status).send({ code: result.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: result.message });
    passed.set(request, result);
    return undefined;
  };
}

/** The principal a guarded handler runs for; throws when a route forgot its guard (a bug, not a 401). */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new Error(`staff route ${request.routeOptions.url ?? ''} has no StaffAuth guard`);
  return request.staff;
}
