import { describeChannelContract, registerAddress, type ChannelHarness, type SeenMessage } from '../../contract/channel-contract';
import { FakeWhatsAppNetwork } from '../../fakes/whatsapp-web-fake';
import { RESIDENT, WhatsAppWebBed, seenOf, until } from './whatsapp-web-bed';
import { testNlu } from '../../support/app';

// The NLU is trained once per test file (and again when nlu/ changed): give it time before the first app.
beforeAll(() => testNlu(), 180_000);

describeChannelContract('WhatsApp Web (fake client)', async (): Promise<ChannelHarness> => {
  // A phone not linked yet: the harness scans the QR code first.
  const bed = await WhatsAppWebBed.start(new FakeWhatsAppNetwork());
  let last: SeenMessage[] = [];
  const harness: ChannelHarness = {
    app: bed.server.app,
    start: async () => {
      registerAddress(harness, { channel: 'whatsapp-web', conversationId: RESIDENT, userId: RESIDENT });
      // The phone scans the QR code; a resident's first contact is a message.
      await until(() => bed.network.clients.some((c) => c.state === 'waiting_for_scan'));
      bed.network.scan();
      await until(() => bed.network.readyClient() !== undefined);
      return (last = await bed.say('hallo'));
    },
    say: async (text, id) => (last = await bed.say(text, { id })),
    // WhatsApp Web has no buttons (deprecated): the resident types the choice's number.
    tap: async (index) => {
      if (!last[last.length - 1]?.choices[index]) throw new Error('no choice to tap');
      return (last = await bed.say(String(index + 1)));
    },
    redeliver: (text, id) => bed.say(text, { id }),
    proactive: async () => bed.network.takeDelivered(RESIDENT).map(seenOf),
    close: () => bed.close(),
  };
  return harness;
});
