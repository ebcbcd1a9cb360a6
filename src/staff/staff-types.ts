import type { preHandlerAsyncHookHandler } from 'fastify';

/** The three staff roles: agents work cases, coordinators also manage the queue, admins manage staff. */
export type StaffRole = 'agent' | 'coordinator' | 'admin';

/** Every role, in rising order of rights; also the zod/JSON-schema enum of a role. */
export const STAFF_ROLES = ['agent', 'coordinator', 'admin'] as const satisfies readonly StaffRole[];

/** Who is calling a staff route; set on `request.staff` by the guard. Carries no password or token. */
export interface StaffPrincipal {
  id: string;
  email: string;
  role: StaffRole;
}

/** The one gate in front of every staff route, shared by all features through FeatureDeps. */
export interface StaffAuth {
  /** A preHandler: 401 without valid credentials, 403 for a role not listed (or a bad CSRF token). */
  guard(roles: readonly StaffRole[]): preHandlerAsyncHookHandler;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by StaffAuth.guard on the staff routes it protects; undefined elsewhere. */
    staff?: StaffPrincipal;
    /** The dashboard session's CSRF token (cookie logins only), for forms rendered in this request. */
    staffCsrf?: string;
  }
}

/** Read access to staff accounts, for features that pick a colleague (a case transfer). */
export interface StaffDirectory {
  principal(id: string): Promise<StaffPrincipal | null>;
  list(): Promise<StaffPrincipal[]>;
}
