import type { FastifyInstance } from 'fastify';
import type { Connection } from 'mongoose';
import type { ChannelRegistry, TurnHandler } from './channels/channel';
import type { Config } from './config';
import type { ServiceContent } from './content/service-content';
import type { ActionRegistry } from './core/dialog/actions';
import type { MessageRenderer } from './core/dialog/renderer';
import type { Translator } from './core/i18n/translator';
import type { Job } from './core/jobs/scheduler';
import type { Logger } from './core/logger';
import type { AppMetrics } from './core/metrics';
import type { LeaseStore } from './core/ports';
import type { PrivacyRegistry } from './core/privacy';
import type { Middleware } from './core/turn/context';
import type { CaseEvents } from './domain/handoff/case-events';
import type { AuditLog } from './staff/audit';
import type { DashboardRegistry } from './staff/dashboard-registry';
import type { StaffAuth, StaffDirectory } from './staff/staff-types';

/** What the composition root hands every feature; features never build these themselves. */
export interface FeatureDeps {
  config: Config;
  /** Open or opening: models may be defined on it at once; queries wait until start-up connected it. */
  connection: Connection;
  renderer: MessageRenderer;
  translator: Translator;
  content: ServiceContent;
  channels: ChannelRegistry;
  /** The core's entry point for inbound messages (channels call it); usable once start-up finished. */
  turns: TurnHandler;
  leases: LeaseStore;
  /** Every store of personal data registers a holder here (erase, export, retention purge). */
  privacy: PrivacyRegistry;
  metrics: AppMetrics;
  logger: Logger;
  clock: () => Date;
  /** The one guard of every staff route: `preHandler: deps.staffAuth.guard(['agent', ...])`. */
  staffAuth: StaffAuth;
  /** Staff access to personal data and every case action is recorded here (ids and codes only). */
  audit: AuditLog;
  /** Pages of the staff dashboard at /staff/ (see docs/staff-guide.md). */
  dashboard: DashboardRegistry;
  /** Staff accounts to read (pick a colleague for a transfer). */
  staffDirectory: StaffDirectory;
  /** Case alerts (new waiting case, re-alert, changes): the dashboard and the Teams staff app listen. */
  caseEvents: CaseEvents;
}

/**
 * A capability (loans, donations, handoff, a channel) plugged into the app by the composition root:
 * each part is optional and is called once at start-up, in this order.
 */
export interface Feature {
  name: string;
  /** Dialog actions, registered before the flows are loaded and checked against them. */
  registerActions?(actions: ActionRegistry): void;
  /** Turn middleware run after the NLU and before the language policy and the dialogs. */
  middleware?(): Middleware[];
  /** HTTP routes (staff API, webhooks), registered on the one server. */
  registerRoutes?(app: FastifyInstance): Promise<void>;
  /** Periodic jobs (reminders, purge, re-alerts). */
  jobs?(): Job[];
  /** Called when the app starts serving (after the HTTP server listens): connect clients, start polling. */
  start?(): Promise<void>;
  /** Called at shutdown, after the HTTP server stopped taking requests. */
  close?(): Promise<void>;
}

/** Builds a feature from the shared dependencies. */
export type FeatureFactory = (deps: FeatureDeps) => Feature;
