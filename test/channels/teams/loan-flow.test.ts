import type { PostedActivity } from '../../fakes/bot-connector-fake';
import { testNlu } from '../../support/app';
import { TeamsBed } from './teams-bed';

beforeAll(() => testNlu(), 180_000);

type Card = {
  body: Array<{ type: string; id?: string; choices?: Array<{ title: string; value: string }> }>;
  actions: Array<{ type: string; title: string; data?: { choiceId?: string } }>;
};

/** The `value` Teams sends for a button, or for the drop-down's submit with this choice selected. */
function valueFor(card: Card | undefined, title: string): Record<string, string> | undefined {
  const button = card?.actions.find((a) => a.type === 'Action.Submit' && a.title === title);
  if (button?.data?.choiceId) return { choiceId: button.data.choiceId };
  const selected = card?.body.find((e) => e.type === 'Input.ChoiceSet')?.choices?.find((c) => c.title === title);
  return selected ? { choiceId: selected.value } : undefined;
}

/**
 * The loan issue's whole application, end to end on Teams: activities in through /api/messages,
 * replies out to the fake Bot Connector, every choice a card button (Action.Submit with `value`).
 */
test('a resident applies for a laptop on Teams with card buttons and gets a DA- reference', async () => {
  const bed = await TeamsBed.start();
  try {
    const t = (key: string): string => bed.server.app.renderer.text('nl', key);
    let last: PostedActivity[] = [];
    const deliver = async (fields: Record<string, unknown>): Promise<string> => {
      expect(await bed.post(bed.activity(fields))).toBe(200);
      const { activities, seen } = bed.take();
      last = activities;
      return seen.map((m) => m.text).join('\n');
    };
    const say = (text: string): Promise<string> => deliver({ type: 'message', text });
    /** Presses the card button with this title (or picks it in the drop-down), as Teams does: a message with `value`. */
    const press = (title: string): Promise<string> => {
      const cards = last.flatMap((a) => a.attachments ?? []).map((a) => a.content as Card);
      const value = valueFor(cards[cards.length - 1], title);
      if (!value) throw new Error(`no button or drop-down choice "${title}"`);
      return deliver({ type: 'message', value });
    };

    expect(await deliver({ type: 'conversationUpdate', membersAdded: [{ id: '29:resident' }] })).toContain(t('welcome.assistant_notice'));
    expect(await press(t('menu.choice.loan'))).toContain(t('loan.ask_postcode'));
    await say('9300');
    await press(t('common.choice.yes'));
    await press(t('common.choice.no'));
    expect(await press(t('common.choice.yes'))).toContain(t('eligibility.outcome.likely'));
    expect(await press(t('eligibility.choice.apply'))).toContain(t('application.ask_name'));
    await say('Fatima El Amrani');
    expect(await say('Kerkstraat 12')).toContain(t('application.ask_phone'));
    expect(await say('0470 12 34 56')).toContain(t('application.ask_email'));
    await press(t('common.choice.skip'));
    await press(t('language.name.nl'));
    await press(t('application.device.chromebook'));
    const summary = await press(t('application.training_later'));
    expect(summary).toContain('Fatima El Amrani');
    expect(await press(t('application.choice.send'))).toMatch(/DA-20\d\d-\d{6}/);
    const stored = await bed.server.app.connection.collection('loan_applications').findOne({});
    expect(stored).toMatchObject({ address: { channel: 'teams', userId: 'aad-resident' } });
  } finally {
    await bed.close();
  }
});
