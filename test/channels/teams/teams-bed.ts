import type { AuthEndpoints, CredentialsFactory } from '../../../src/channels/teams/bot-auth';
import { createTeamsResidentFeature, teamsResidentFeature, type TeamsResidentOverrides } from '../../../src/channels/teams/resident/teams-resident-feature';
import { FEATURES } from '../../../src/main';
import type { SeenMessage } from '../../contract/channel-contract';
import { CHANNEL_ISSUER, FakeBotConnector, type PostedActivity } from '../../fakes/bot-connector-fake';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/app';

/** The resident's personal chat with the bot. */
export const CONVERSATION = 'a:1resident-personal-chat';
export const APP_ID = '00000000-0000-4000-8000-00000000a11d';
/** The token the bot's outbound calls carry when an app id is configured (instead of one from Entra ID). */
export const BOT_TOKEN = 'outbound-token-from-test-credentials';

/** Outbound credentials without Entra ID: tests must not reach login.microsoftonline.com. */
export const staticCredentials = (appId: string): CredentialsFactory => ({
  isValidAppId: async (id: string) => id === appId,
  isAuthenticationDisabled: async () => false,
  createCredentials: async () => ({
    signRequest: async (request) => {
      request.headers.set('authorization', `Bearer ${BOT_TOKEN}`);
      return request;
    },
  }),
});

/** Every Bot Framework endpoint on the fake, so no test ever reaches Microsoft's cloud. */
export const fakeEndpoints = (connector: FakeBotConnector): AuthEndpoints => ({
  ToBotFromChannelOpenIdMetadataUrl: connector.openIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: connector.openIdMetadataUrl,
  ToBotFromChannelTokenIssuer: CHANNEL_ISSUER, ToChannelFromBotLoginUrl: `${connector.url}/botframework.com`,
  ToChannelFromBotOAuthScope: 'https://api.botframework.com', OAuthUrl: `${connector.url}/oauth`, CallerId: 'urn:botframework:azure', ValidateAuthority: true,
});

/** What a resident sees of an activity: its text, or the card's text and its button titles. */
export function seenOf(activity: PostedActivity): SeenMessage {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    | { body: Array<{ type: string; text?: string; choices?: Array<{ title: string }> }>; actions: Array<{ type: string; title: string }> }
    | undefined;
  if (!card) return { text: activity.text ?? '', choices: [] };
  const dropDown = card.body.find((e) => e.type === 'Input.ChoiceSet')?.choices?.map((c) => c.title);
  return { text: card.body.find((e) => e.type === 'TextBlock')?.text ?? '', choices: dropDown ?? card.actions.filter((a) => a.type === 'Action.Submit').map((a) => a.title) };
}

/** The real app with the Teams resident channel on, against the fake Bot Connector. */
export class TeamsBed {
  private read = 0;
  private counter = 0;

  private constructor(readonly server: TestApp, readonly connector: FakeBotConnector) {}

  /**
   * Without `appId` the app is configured like `npm start` with TEAMS_ENABLED=true (authentication off,
   * as with the Emulator); with it, tokens are checked against the fake's OpenID metadata.
   */
  static async start(options: TestAppOptions & { appId?: string; overrides?: TeamsResidentOverrides } = {}): Promise<TeamsBed> {
    const connector = await FakeBotConnector.start();
    const env = { TEAMS_ENABLED: 'true', ...(options.appId ? { TEAMS_APP_ID: options.appId, TEAMS_APP_PASSWORD: 'not-used-by-test-credentials' } : {}), ...options.env };
    const overrides: TeamsResidentOverrides = {
      endpoints: fakeEndpoints(connector),
      credentialsFactory: staticCredentials(options.appId ?? ''),
      retry: { attempts: 2, firstDelayMs: 20, maxDelayMs: 1500 },
      ...options.overrides,
    };
    const features = options.appId || options.overrides
      ? [...FEATURES.filter((f) => f !== teamsResidentFeature), (deps: Parameters<typeof teamsResidentFeature>[0]) => createTeamsResidentFeature(deps, overrides)]
      : undefined;
    const server = await startTestApp({ prefix: 'teams', ...options, env, ...(features ? { features } : {}) });
    await server.app.start();
    return new TeamsBed(server, connector);
  }

  /** An activity from the resident, as the Bot Connector posts it. */
  activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `resident-activity-${(this.counter += 1)}`, channelId: 'msteams', serviceUrl: this.connector.url, timestamp: new Date().toISOString(), locale: 'nl-BE',
      from: { id: '29:resident', aadObjectId: 'aad-resident', name: 'Resident' }, recipient: { id: '28:digipunt-bot', name: 'Digipunt' },
      conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: 'tenant-aalst' }, ...fields,
    };
  }

  /** Posts to /api/messages; resolves with the status once the app answered (replies are sent by then). */
  async post(activity: Record<string, unknown>, authorization?: string): Promise<number> {
    const response = await fetch(`${this.server.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(activity),
    });
    return response.status;
  }

  /** What reached the resident's conversation since the last call. */
  take(): { seen: SeenMessage[]; replyTo: Array<string | undefined>; activities: PostedActivity[] } {
    const calls = this.connector.callsTo(CONVERSATION).slice(this.read);
    this.read += calls.length;
    return { seen: calls.map((c) => seenOf(c.activity)), replyTo: calls.map((c) => c.activityId), activities: calls.map((c) => c.activity) };
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.connector.close();
  }
}
