import { describeChannelContract, registerAddress, type ChannelHarness } from '../../contract/channel-contract';
import { testNlu } from '../../support/app';
import { CloudBed } from './cloud-bed';

// The first test file of a run may train the NLU model: longer than one hook's timeout.
beforeAll(() => testNlu(), 180_000);

/** The contract played through signed webhooks and the fake Graph API. */
describeChannelContract('whatsapp cloud api', async (): Promise<ChannelHarness> => {
  const bed = await CloudBed.start();
  const waId = '32470123456';
  let taps = 0;
  const send = async (text: string, messageId: string) => {
    expect(await bed.say(waId, `wamid.${messageId}`, text)).toBe(200);
    return bed.take(waId);
  };
  const harness: ChannelHarness = {
    app: bed.server.app,
    start: async () => {
      registerAddress(harness, { channel: 'whatsapp-cloud', conversationId: waId, userId: waId });
      return send('hallo', 'first');
    },
    say: send,
    tap: async (index) => {
      expect(await bed.tap(waId, index, `wamid.tap${(taps += 1)}`)).toBe(200);
      return bed.take(waId);
    },
    redeliver: send,
    proactive: async () => bed.take(waId),
    close: () => bed.close(),
  };
  return harness;
});
