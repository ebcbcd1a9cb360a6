import type { SeenMessage } from '../../contract/channel-contract';
import { FakeWhatsAppCloud, type GraphMessage } from '../../fakes/whatsapp-cloud-graph';
import { interactiveReply, notification, textMessage } from '../../fakes/whatsapp-cloud-notifications';
import { whatsAppCloudFeature } from '../../../src/channels/whatsapp-cloud/whatsapp-cloud-feature';
import { FEATURES } from '../../../src/main';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/app';

/** The secrets the app is configured with and the fake signs with. */
export const CLOUD = { phoneNumberId: '109876543210', token: 'EAAG-test-token', appSecret: 'test-app-secret', verifyToken: 'test-verify-token' } as const;

/** What a resident sees of a Graph message: its text and the labels of its buttons or list rows. */
export function seenOf(message: GraphMessage): SeenMessage {
  if (message.interactive) {
    const { action } = message.interactive;
    const labels = action.buttons?.map((b) => b.reply.title) ?? action.sections?.flatMap((s) => s.rows.map((r) => r.description ?? r.title)) ?? [];
    return { text: message.interactive.body.text, choices: labels };
  }
  if (message.template) return { text: message.template.components.flatMap((c) => c.parameters.map((p) => p.text)).join(' '), choices: [] };
  return { text: message.text?.body ?? '', choices: [] };
}

/** The real app with the Cloud API channel on, against the fake Graph API. */
export class CloudBed {
  private read = new Map<string, number>();

  private constructor(readonly server: TestApp, readonly fake: FakeWhatsAppCloud) {}

  /** Starts the fake, then the app configured through its environment like `npm start`. */
  static async start(options: TestAppOptions = {}): Promise<CloudBed> {
    const fake = await FakeWhatsAppCloud.start(CLOUD.phoneNumberId, CLOUD.token, options.clock);
    const env = {
      WHATSAPP_CLOUD_ACCESS_TOKEN: CLOUD.token, WHATSAPP_CLOUD_PHONE_NUMBER_ID: CLOUD.phoneNumberId,
      WHATSAPP_CLOUD_APP_SECRET: CLOUD.appSecret, WHATSAPP_CLOUD_VERIFY_TOKEN: CLOUD.verifyToken, WHATSAPP_CLOUD_GRAPH_URL: fake.url, ...options.env,
    };
    try {
      // Graph API retry waits shortened: a 500 test must not sleep for seconds.
      const features = FEATURES.map((make) => (make === whatsAppCloudFeature ? (deps: Parameters<typeof make>[0]) => whatsAppCloudFeature(deps, { retryDelayMs: 10 }) : make));
      const server = await startTestApp({ prefix: 'wa_cloud', features, ...options, env });
      await server.app.start();
      return new CloudBed(server, fake);
    } catch (error) {
      await fake.close();
      throw error;
    }
  }

  get webhookUrl(): string {
    return `${this.server.url}/webhooks/whatsapp-cloud`;
  }

  /** Posts a signed notification with these messages; returns the webhook's status. */
  async deliver(messages: Array<Record<string, unknown> & { from: string; id: string; type: string }>, signature?: string | null): Promise<number> {
    return this.fake.notify(this.webhookUrl, notification(CLOUD.phoneNumberId, { messages }), CLOUD.appSecret, signature);
  }

  /** The resident types text. */
  say(waId: string, id: string, text: string): Promise<number> {
    return this.deliver([textMessage(waId, id, text)]);
  }

  /** The resident taps the n-th button or list row of the last interactive message they got. */
  async tap(waId: string, index: number, id: string): Promise<number> {
    const interactive = this.fake.sentTo(waId).filter((m) => m.interactive).pop()?.interactive;
    const kind = interactive?.type;
    const choice = kind === 'button' ? interactive?.action.buttons?.[index]?.reply : interactive?.action.sections?.flatMap((s) => s.rows)[index];
    if (!kind || !choice) throw new Error(`no button or row ${index} to tap`);
    return this.deliver([interactiveReply(waId, id, kind, { id: choice.id, title: choice.title })]);
  }

  /** The resident taps the button or list row with this choice id in the last interactive message. */
  async tapId(waId: string, choiceId: string, id: string): Promise<number> {
    const interactive = this.fake.sentTo(waId).filter((m) => m.interactive).pop()?.interactive;
    const options = interactive?.action.buttons?.map((b) => b.reply) ?? interactive?.action.sections?.flatMap((s) => s.rows) ?? [];
    const index = options.findIndex((o) => o.id === choiceId);
    if (index < 0) throw new Error(`no choice "${choiceId}" in the last interactive message (${options.map((o) => o.id).join(', ')})`);
    return this.tap(waId, index, id);
  }

  /** Messages sent to the resident since the last call. */
  take(waId: string): SeenMessage[] {
    const all = this.fake.sentTo(waId);
    const fresh = all.slice(this.read.get(waId) ?? 0);
    this.read.set(waId, all.length);
    return fresh.map(seenOf);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.fake.close();
  }
}
