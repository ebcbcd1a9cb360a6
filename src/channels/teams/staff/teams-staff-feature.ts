import { TeamsAdapter } from '@microsoft/teams-ai';
import { AppError } from '../../../core/errors';
import { BusinessHours, loadBusinessHours } from '../../../domain/handoff/business-hours';
import { CaseService } from '../../../domain/handoff/case-service';
import { CaseStore } from '../../../domain/handoff/case-store';
import { loadHandoffContent } from '../../../domain/handoff/handoff-content';
import type { Feature, FeatureDeps } from '../../../features';
import { ClaimStore } from '../../../storage/claims';
import { createBotAuth, type BotAuthOverrides } from '../bot-auth';
import { registerBotEndpoint } from '../bot-endpoint';
import { ConversationReferenceStore } from '../conversation-references';
import { ProactiveSender, type RetryOptions } from '../proactive-sender';
import { CaseAlerts } from './case-alerts';
import { CaseCardStore } from './case-card-store';
import { createStaffApp } from './staff-app';

/** What tests replace: the token endpoints and credentials, and the 429 waits. */
export interface TeamsStaffOverrides extends BotAuthOverrides {
  retry?: RetryOptions;
}

/** The staff bot's messaging endpoint (its own bot registration, apart from the residents' bot). */
export const STAFF_ENDPOINT = '/api/teams/staff/messages';

/** The case service of the handoff feature, built on the same stores (it keeps no state of its own). */
function caseServiceFor(deps: FeatureDeps, store: CaseStore): { cases: CaseService; resolutions: readonly string[] } {
  const content = loadHandoffContent(deps.config.paths.content, (language, key) => deps.translator.has(language, key));
  const hours = new BusinessHours(loadBusinessHours(deps.config.paths.content));
  const cases = new CaseService({
    store, claims: new ClaimStore(deps.connection), events: deps.caseEvents, audit: deps.audit, channels: deps.channels,
    renderer: deps.renderer, hours, content, clock: deps.clock,
  });
  return { cases, resolutions: content.resolutions };
}

/**
 * The Teams staff app (@microsoft/teams-ai): case alerts as Adaptive Cards in the staff channel,
 * with claim, reply, note and resolve. On with TEAMS_STAFF_ENABLED=true; teams-ai v1 is succeeded
 * by the Teams SDK v2, so it stays inside src/channels/teams.
 */
export function createTeamsStaffFeature(deps: FeatureDeps, overrides: TeamsStaffOverrides = {}): Feature {
  const { config } = deps;
  const log = deps.logger.child({ component: 'teams-staff' });
  if (!config.TEAMS_STAFF_ENABLED) {
    log.info({ channel: 'teams-staff', enabled: 0 }, 'Teams staff app is off (set TEAMS_STAFF_ENABLED=true)');
    return { name: 'teams-staff' };
  }
  const channelId = config.TEAMS_STAFF_CHANNEL_ID;
  if (!channelId) throw new AppError('CONFIG_INVALID', 'TEAMS_STAFF_CHANNEL_ID: required when TEAMS_STAFF_ENABLED=true');
  log.info({ channel: 'teams-staff', enabled: 1, dashboardLinks: config.PUBLIC_URL ? 1 : 0 }, `Teams staff app is on at ${STAFF_ENDPOINT}`);
  const auth = createBotAuth('Teams staff app', { appId: config.TEAMS_STAFF_APP_ID, password: config.TEAMS_STAFF_APP_PASSWORD, tenantId: config.TEAMS_APP_TENANT_ID }, overrides, log);
  const adapter = new TeamsAdapter(auth.options, auth.credentialsFactory);
  adapter.onTurnError = async (_context, error) => {
    log.error({ error: error.name }, 'Teams staff turn failed');
  };
  const store = new CaseStore(deps.connection);
  const { cases, resolutions } = caseServiceFor(deps, store);
  const references = new ConversationReferenceStore(deps.connection, 'staff');
  const sender = new ProactiveSender(adapter, auth.appId, references, log, deps.clock, overrides.retry);
  const dashboardUrl = (caseId: string): string | undefined => (config.PUBLIC_URL ? new URL(`/staff/cases/${encodeURIComponent(caseId)}`, config.PUBLIC_URL).toString() : undefined);
  const alerts = new CaseAlerts({
    sender, cards: new CaseCardStore(deps.connection), store, channelId, clock: deps.clock, log,
    cardOptions: (caseId) => ({ translator: deps.translator, resolutions, dashboardUrl: dashboardUrl(caseId), now: deps.clock() }),
  });
  const app = createStaffApp({ adapter, appId: auth.appId, references, alerts, cases, store, directory: deps.staffDirectory, audit: deps.audit, translator: deps.translator, clock: deps.clock, log });
  let unsubscribe: (() => void) | undefined;
  return {
    name: 'teams-staff',
    registerRoutes: async (server) => registerBotEndpoint(server, { path: STAFF_ENDPOINT, authentication: auth.authentication, adapter, logic: async (context) => void (await app.run(context)), log }),
    start: async () => {
      unsubscribe = deps.caseEvents.subscribe((event) => {
        alerts.handle(event).catch((error: unknown) => log.error({ error: error instanceof Error ? error.name : typeof error }, 'Teams staff alert failed'));
      });
    },
    close: async () => {
      unsubscribe?.();
      await alerts.drain();
    },
  };
}

/** The factory the composition root lists in FEATURES. */
export const teamsStaffFeature = (deps: FeatureDeps): Feature => createTeamsStaffFeature(deps);
