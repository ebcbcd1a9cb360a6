import { describeChannelContract, registerAddress, type ChannelHarness } from '../../contract/channel-contract';
import { callbackUpdate, textUpdate, type TelegramResident } from '../../fakes/telegram-updates';
import { testNlu } from '../../support/app';
import { TelegramBed } from './telegram-bed';

// The first test file of a run may train the NLU model: longer than one hook's timeout.
beforeAll(() => testNlu(), 180_000);

/** The contract played through telegraf and the fake Bot API, in webhook and in long-polling mode. */
function harnessFor(mode: 'webhook' | 'polling'): () => Promise<ChannelHarness> {
  return async () => {
    const bed = await TelegramBed.start(mode);
    const resident: TelegramResident = { id: 424242, firstName: 'Amina' };
    const messageIds = new Map<string, { updateId: number; messageId: number }>();
    const idsFor = (key: string) => {
      const known = messageIds.get(key) ?? { updateId: bed.nextUpdateId(), messageId: messageIds.size + 1 };
      messageIds.set(key, known);
      return known;
    };
    const send = async (text: string, key: string) => {
      const { updateId, messageId } = idsFor(key);
      expect(await bed.deliver(textUpdate(resident, updateId, messageId, text))).toBe(200);
      return bed.take(resident);
    };
    const harness: ChannelHarness = {
      app: bed.server.app,
      start: async () => {
        registerAddress(harness, { channel: 'telegram', conversationId: String(resident.id), userId: String(resident.id) });
        return send('/start', 'start');
      },
      say: send,
      tap: async (index) => {
        const update = callbackUpdate(resident, bed.nextUpdateId(), bed.buttonData(resident, index));
        expect(await bed.deliver(update)).toBe(200);
        expect(bed.fake.answeredCallbacks).toContain(`cb-${update.update_id}`);
        return bed.take(resident);
      },
      redeliver: send,
      proactive: async () => bed.take(resident),
      close: () => bed.close(),
    };
    return harness;
  };
}

describeChannelContract('telegram (webhook)', harnessFor('webhook'));
describeChannelContract('telegram (long polling)', harnessFor('polling'));
