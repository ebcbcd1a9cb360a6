import { createTeamsStaffFeature, teamsStaffFeature } from '../../../src/channels/teams/staff/teams-staff-feature';
import { FEATURES } from '../../../src/main';
import { FakeBotConnector, type ConnectorCall } from '../../fakes/bot-connector-fake';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/app';
import { fakeEndpoints, staticCredentials } from './teams-bed';

/** The staff channel in the Digipunt team. */
export const STAFF_CHANNEL = '19:digipunt-staff@thread.tacv2';
export const TEAM = '19:digipunt-team@thread.tacv2';
export const STAFF_BOT = '28:digipunt-staff-bot';
export const PUBLIC_URL = 'https://assistant.example.test';

/** A card the staff app posted or redrew, as the fake received it. */
export interface SeenCard {
  call: ConnectorCall;
  title: string;
  facts: Record<string, string>;
  actions: Array<{ type: string; title: string; data?: Record<string, string>; url?: string }>;
}

/** Reads the Adaptive Card of a call to the staff channel. */
export function cardOf(call: ConnectorCall): SeenCard | undefined {
  const content = call.activity.attachments?.[0]?.content as
    | { body: Array<{ type: string; text?: string; facts?: Array<{ title: string; value: string }> }>; actions: SeenCard['actions'] }
    | undefined;
  if (!content) return undefined;
  const facts = Object.fromEntries((content.body.find((e) => e.type === 'FactSet')?.facts ?? []).map((f) => [f.title, f.value]));
  return { call, title: content.body[0]?.text ?? '', facts, actions: content.actions };
}

/** The real app with the Teams staff app on (and authentication off unless `appId`), against the fake Bot Connector. */
export class StaffBed {
  private counter = 0;

  private constructor(readonly server: TestApp, readonly connector: FakeBotConnector) {}

  static async start(options: TestAppOptions & { appId?: string } = {}): Promise<StaffBed> {
    const connector = await FakeBotConnector.start();
    const env = { TEAMS_STAFF_ENABLED: 'true', TEAMS_STAFF_CHANNEL_ID: STAFF_CHANNEL, PUBLIC_URL, ...(options.appId ? { TEAMS_STAFF_APP_ID: options.appId, TEAMS_STAFF_APP_PASSWORD: 'unused' } : {}), ...options.env };
    const features = options.appId
      ? [...FEATURES.filter((f) => f !== teamsStaffFeature), (deps: Parameters<typeof teamsStaffFeature>[0]) => createTeamsStaffFeature(deps, { endpoints: fakeEndpoints(connector), credentialsFactory: staticCredentials(options.appId ?? '') })]
      : undefined;
    const server = await startTestApp({ prefix: 'teams_staff', ...options, env, ...(features ? { features } : {}) });
    await server.app.start();
    return new StaffBed(server, connector);
  }

  /** An activity in the staff channel from a Teams user (or about the bot), as the Bot Connector posts it. */
  activity(fromId: string, fields: Record<string, unknown>, conversationId = STAFF_CHANNEL): Record<string, unknown> {
    return {
      id: `staff-activity-${(this.counter += 1)}`, channelId: 'msteams', serviceUrl: this.connector.url, timestamp: new Date().toISOString(),
      from: { id: fromId, name: fromId }, recipient: { id: STAFF_BOT, name: 'Digipunt' },
      conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-aalst' },
      channelData: { team: { id: TEAM }, channel: { id: STAFF_CHANNEL }, tenant: { id: 'tenant-aalst' } }, ...fields,
    };
  }

  async post(activity: Record<string, unknown>, authorization?: string): Promise<number> {
    const response = await fetch(`${this.server.url}/api/teams/staff/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(activity),
    });
    return response.status;
  }

  /** The bot is added to the team: Teams announces it in the channel, which the app remembers. */
  install(): Promise<number> {
    return this.post(this.activity('29:installer', { type: 'conversationUpdate', membersAdded: [{ id: STAFF_BOT }] }));
  }

  /** A staff member presses a card button: Action.Submit arrives as a message in the card's thread. */
  press(fromId: string, card: SeenCard, value: Record<string, string>): Promise<number> {
    const cardId = card.call.id;
    return this.post(this.activity(fromId, { type: 'message', replyToId: cardId, value }, `${STAFF_CHANNEL};messageid=${cardId}`));
  }

  /** Every card posted to the staff channel (each a new thread), oldest first. */
  postedCards(): SeenCard[] {
    return this.connector.calls.filter((c) => c.conversationId === STAFF_CHANNEL && c.newThread).map(cardOf).filter((c): c is SeenCard => c !== undefined);
  }

  /** The latest drawing of a posted card (its last update, or the card as posted). */
  current(card: SeenCard): SeenCard {
    const updates = this.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === card.call.id).map(cardOf);
    return updates[updates.length - 1] ?? card;
  }

  /** Texts the bot answered in a card's thread. */
  threadAnswers(card: SeenCard): string[] {
    return this.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === `${STAFF_CHANNEL};messageid=${card.call.id}`).map((c) => c.activity.text ?? '');
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.connector.close();
  }
}
