import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Connection } from 'mongoose';
import type { Translator } from '../core/i18n/translator';
import type { Logger } from '../core/logger';
import { StaffAccounts } from './accounts';
import { MongoAuditLog, type AuditLog } from './audit';
import { SessionStaffAuth, staffGate } from './auth';
import { DashboardPages } from './dashboard-registry';
import { addCoreAssets, dashboardRoutes } from './dashboard-routes';
import { StaffSessions } from './sessions';
import { loadStaffSettings, type StaffSettings } from './staff-settings';
import { staffLoginRoutes } from './staff-login-routes';

/** The staff services the composition root builds once and shares with every feature. */
export interface StaffServices {
  settings: StaffSettings;
  accounts: StaffAccounts;
  sessions: StaffSessions;
  auth: SessionStaffAuth;
  audit: AuditLog;
  dashboard: DashboardPages;
  /** Root onRequest hook: every /api/staff/ URL needs valid credentials before parsing (see staffGate). */
  gate: ReturnType<typeof staffGate>;
  /** Login, logout, session API and the dashboard shell; registered after the features' routes. */
  routes(app: FastifyInstance): Promise<void>;
}

/** What building the staff services takes from the composition root. */
export interface StaffServicesInput {
  connection: Connection;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
  contentDir: string;
  root: string;
  /** Cookies get the Secure flag when the public address is https. */
  publicUrl?: string;
}

/** Builds accounts, sessions, the guard, the audit log and the dashboard registry on one connection. */
export function createStaffServices(input: StaffServicesInput): StaffServices {
  const settings = loadStaffSettings(input.contentDir);
  if (settings.placeholders.length > 0) input.logger.warn({ placeholders: settings.placeholders }, 'content/staff.yaml still has PLACEHOLDER values');
  const accounts = new StaffAccounts(input.connection, settings.lockout);
  const sessions = new StaffSessions(input.connection);
  const auth = new SessionStaffAuth(accounts, sessions, input.clock);
  const audit = new MongoAuditLog(input.connection);
  const dashboard = new DashboardPages();
  addCoreAssets(dashboard, input.root);
  const secureCookies = input.publicUrl?.startsWith('https:') ?? false;
  return {
    settings, accounts, sessions, auth, audit, dashboard, gate: staffGate(auth),
    routes: async (app) => {
      // Login and logout are HTML form posts; the parser stays inside this scope.
      await app.register(formbody);
      await app.register(staffLoginRoutes, { accounts, sessions, auth, audit, settings, translator: input.translator, clock: input.clock, secureCookies });
      await app.register(dashboardRoutes, { pages: dashboard, auth, translator: input.translator, root: input.root });
    },
  };
}
