import { describeChannelContract, registerAddress, type ChannelHarness, type SeenMessage } from '../../contract/channel-contract';
import { CONVERSATION, TeamsBed } from './teams-bed';
import { testNlu } from '../../support/app';

// The NLU is trained once per test file (and again when nlu/ changed): give it time before the first app.
beforeAll(() => testNlu(), 180_000);

describeChannelContract('Microsoft Teams (fake Bot Connector)', async (): Promise<ChannelHarness> => {
  const bed = await TeamsBed.start();
  let lastCard: Array<{ type: string; data?: { choiceId?: string } }> = [];
  const deliver = async (activity: Record<string, unknown>): Promise<SeenMessage[]> => {
    expect(await bed.post(activity)).toBe(200);
    const { seen, activities } = bed.take();
    const cards = activities.flatMap((a) => a.attachments ?? []).map((a) => a.content as { actions: typeof lastCard });
    if (cards.length > 0) lastCard = cards[cards.length - 1]?.actions ?? [];
    return seen;
  };
  const harness: ChannelHarness = {
    app: bed.server.app,
    start: async () => {
      registerAddress(harness, { channel: 'teams', conversationId: CONVERSATION, userId: 'aad-resident' });
      // Installing the bot in a personal chat: the resident is added to the conversation.
      return deliver(bed.activity({ type: 'conversationUpdate', membersAdded: [{ id: '29:resident' }] }));
    },
    say: (text, id) => deliver(bed.activity({ type: 'message', id, text })),
    // A card button is an Action.Submit: a message activity with the button's data as `value`.
    tap: (index) => {
      const choiceId = lastCard.filter((a) => a.type === 'Action.Submit')[index]?.data?.choiceId;
      if (!choiceId) throw new Error('no button to tap');
      return deliver(bed.activity({ type: 'message', value: { choiceId } }));
    },
    redeliver: (text, id) => deliver(bed.activity({ type: 'message', id, text })),
    proactive: async () => bed.take().seen,
    close: () => bed.close(),
  };
  return harness;
});
