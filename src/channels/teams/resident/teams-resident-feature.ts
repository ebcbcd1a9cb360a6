import { CloudAdapter } from 'botbuilder';
import type { Feature, FeatureDeps } from '../../../features';
import { createBotAuth, type BotAuthOverrides } from '../bot-auth';
import { registerBotEndpoint } from '../bot-endpoint';
import { ConversationReferenceStore } from '../conversation-references';
import { ProactiveSender, type RetryOptions } from '../proactive-sender';
import { channelCore } from '../../channel';
import { TeamsResidentChannel } from './teams-resident-channel';

/** What tests replace: the token endpoints and credentials, and the 429 waits. */
export interface TeamsResidentOverrides extends BotAuthOverrides {
  retry?: RetryOptions;
}

/** The Bot Framework's conventional messaging endpoint (what the Emulator opens by default). */
export const RESIDENT_ENDPOINT = '/api/messages';

/**
 * Residents on Microsoft Teams through botbuilder's CloudAdapter: on with TEAMS_ENABLED=true.
 * botbuilder stays inside src/channels/teams (the Bot Framework SDK is archived).
 */
export function createTeamsResidentFeature(deps: FeatureDeps, overrides: TeamsResidentOverrides = {}): Feature {
  const { config } = deps;
  const log = deps.logger.child({ component: 'teams' });
  if (!config.TEAMS_ENABLED) {
    log.info({ channel: 'teams', enabled: 0 }, 'channel Microsoft Teams (residents) is off (set TEAMS_ENABLED=true)');
    return { name: 'teams' };
  }
  log.info({ channel: 'teams', enabled: 1, authenticated: config.TEAMS_APP_ID ? 1 : 0 }, `channel Microsoft Teams (residents) is on at ${RESIDENT_ENDPOINT}`);
  const auth = createBotAuth('Teams residents', { appId: config.TEAMS_APP_ID, password: config.TEAMS_APP_PASSWORD, tenantId: config.TEAMS_APP_TENANT_ID }, overrides, log);
  const adapter = new CloudAdapter(auth.authentication);
  adapter.onTurnError = async (_context, error) => {
    log.error({ error: error.name }, 'Teams turn failed');
  };
  const references = new ConversationReferenceStore(deps.connection, 'resident');
  const sender = new ProactiveSender(adapter, auth.appId, references, log, deps.clock, overrides.retry);
  const channel = new TeamsResidentChannel({ ...channelCore(deps, log), references, sender });
  deps.channels.add(channel);
  return {
    name: 'teams',
    registerRoutes: async (app) => registerBotEndpoint(app, { path: RESIDENT_ENDPOINT, authentication: auth.authentication, adapter, logic: channel.onTurn, log }),
  };
}

/** The factory the composition root lists in FEATURES. */
export const teamsResidentFeature = (deps: FeatureDeps): Feature => createTeamsResidentFeature(deps);
