import { testNlu } from '../../support/app';
import { WebChatClient } from '../../support/webchat-client';
import { listenResident, MONDAY_10, TestClock, waitFor } from '../../handoff/support';
import { APP_ID } from './teams-bed';
import { PUBLIC_URL, STAFF_CHANNEL, StaffBed, type SeenCard } from './staff-bed';

beforeAll(() => testNlu(), 180_000);

const STAFF = [
  { teamsId: '29:an', email: 'an@digipunt.test' },
  { teamsId: '29:bert', email: 'bert@digipunt.test' },
];

describe('Teams staff app: case alerts as Adaptive Cards, worked from the card', () => {
  const clock = new TestClock(MONDAY_10);
  let bed: StaffBed;
  const abort = new AbortController();

  beforeAll(async () => {
    bed = await StaffBed.start({ clock: clock.read });
    for (const member of STAFF) {
      await bed.server.app.staff.accounts.create({ email: member.email, role: 'agent', password: 'a long enough password' }, clock.now);
      bed.connector.members.set(member.teamsId, { id: member.teamsId, name: member.email, email: member.email.toUpperCase(), aadObjectId: `aad-${member.teamsId}` });
    }
    bed.connector.members.set('29:visitor', { id: '29:visitor', name: 'Visitor', email: 'visitor@example.test', aadObjectId: 'aad-visitor' });
  }, 120_000);

  afterAll(async () => {
    abort.abort();
    await bed.close();
  });

  const t = (key: string, values?: Record<string, string | number>): string => bed.server.app.renderer.text('nl', key, values);
  const caseId = (card: SeenCard): string => card.actions.find((a) => a.data?.caseId)?.data?.caseId ?? '';
  const states = async (): Promise<string[]> => (await bed.server.app.connection.collection('handoff_cases').find({}).toArray()).map((c) => String(c.status));

  test('a new waiting case and its re-alert post cards (language, reason, waiting time, summary; Claim and the dashboard); claiming updates every card, once', async () => {
    expect(await bed.install()).toBe(200);
    const resident = new WebChatClient(bed.server.url);
    await resident.open('nl');
    await resident.say('ik wil een medewerker spreken');
    const received = listenResident(resident, abort.signal);

    const [card] = await waitFor(() => bed.postedCards().length === 1 && bed.postedCards());
    if (!card) throw new Error('no card');
    expect(card.title).toBe(t('teams_staff.title.waiting'));
    expect(card.facts).toMatchObject({
      [t('staff.case.language')]: t('language.name.nl'), [t('staff.case.reason')]: t('staff.reason.resident_request'),
      [t('staff.case.created')]: t('teams_staff.waiting.minutes', { count: 0 }), [t('staff.case.assignee')]: t('teams_staff.nobody'),
    });
    expect(JSON.stringify(card.call.activity)).toContain('ik wil een medewerker spreken');
    expect(card.actions.map((a) => a.type)).toEqual(['Action.Submit', 'Action.OpenUrl']);
    expect(card.actions[1]?.url).toBe(`${PUBLIC_URL}/staff/cases/${caseId(card)}`);

    await bed.server.app.scheduler.runOnce('handoff.realert', clock.advanceMinutes(15));
    const again = (await waitFor(() => bed.postedCards().length === 2 && bed.postedCards()))[1] as SeenCard;
    expect(again.title).toBe(t('teams_staff.title.realert'));
    expect(again.facts[t('staff.case.created')]).toBe(t('teams_staff.waiting.minutes', { count: 15 }));

    // Someone without a staff account cannot claim.
    expect(await bed.press('29:visitor', card, { verb: 'case_claim', caseId: caseId(card) })).toBe(200);
    expect(bed.threadAnswers(card)).toEqual([t('teams_staff.answer.not_staff')]);
    expect(await states()).toEqual(['waiting']);

    // Two colleagues press Claim at the same moment, on different cards: one gets it.
    await Promise.all([bed.press('29:an', card, { verb: 'case_claim', caseId: caseId(card) }), bed.press('29:bert', again, { verb: 'case_claim', caseId: caseId(card) })]);
    expect(await states()).toEqual(['assigned']);
    const stored = await bed.server.app.connection.collection('handoff_cases').findOne({});
    const winner = String(stored?.assignee?.email);
    const answers = [...bed.threadAnswers(card), ...bed.threadAnswers(again)];
    expect(answers).toContain(t('teams_staff.answer.claimed', { reference: String(stored?.reference) }));
    expect(answers).toContain(t('teams_staff.answer.taken_already', { email: winner }));
    for (const posted of [card, again]) {
      const drawn = await waitFor(() => bed.current(posted).facts[t('staff.case.assignee')] === t('teams_staff.taken_by', { email: winner }) && bed.current(posted));
      expect(drawn.actions.map((a) => a.title)).toEqual([t('teams_staff.action.send'), t('teams_staff.action.note'), t('teams_staff.action.resolve'), t('teams_staff.action.open')]);
    }
    expect(await waitFor(() => received.length > 0 && received)).toEqual([expect.objectContaining({ text: t('case.claimed') })]);
  });

  test('the holder replies to the resident, adds a note and resolves from the card; a colleague may not', async () => {
    const card = bed.postedCards()[0] as SeenCard;
    const id = caseId(card);
    const stored = await bed.server.app.connection.collection('handoff_cases').findOne({ _id: id as never });
    const holder = STAFF.find((s) => s.email === stored?.assignee?.email) ?? STAFF[0];
    const other = STAFF.find((s) => s !== holder) ?? STAFF[1];
    if (!holder || !other) throw new Error('no staff');

    await bed.press(other.teamsId, card, { verb: 'case_reply', caseId: id, text: 'Ik neem het over.' });
    expect(bed.threadAnswers(card)).toContain(t('teams_staff.answer.forbidden'));

    await bed.press(holder.teamsId, card, { verb: 'case_reply', caseId: id, text: 'Dag! Ik help je graag verder.' });
    expect(bed.threadAnswers(card)).toContain(t('teams_staff.answer.replied'));
    const messages = await bed.server.app.connection.collection('handoff_messages').find({ caseId: id, from: 'staff' }).toArray();
    expect(messages.map((m) => String(m.text))).toEqual([expect.stringContaining('Dag! Ik help je graag verder.')]);

    await bed.press(holder.teamsId, card, { verb: 'case_note', caseId: id, text: 'Belt morgen terug over de lening.' });
    expect(bed.threadAnswers(card)).toContain(t('teams_staff.answer.noted'));
    expect(await bed.server.app.connection.collection('handoff_notes').countDocuments({ caseId: id })).toBe(1);

    await bed.press(holder.teamsId, card, { verb: 'case_resolve', caseId: id });
    expect(bed.threadAnswers(card)).toContain(t('teams_staff.input.resolution'));
    await bed.press(holder.teamsId, card, { verb: 'case_resolve', caseId: id, resolution: 'answered' });
    expect(await states()).toEqual(['resolved']);
    const drawn = await waitFor(() => bed.current(card).facts[t('staff.case.status')] === t('staff.status.resolved') && bed.current(card));
    expect(drawn.actions.map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });

  test('a throttled post (429) is retried; after a 403 (bot removed from the team) alerts stop until it is added again', async () => {
    const before = bed.postedCards().length;
    bed.connector.failNext(429, { retryAfter: 1, conversationId: STAFF_CHANNEL });
    const first = new WebChatClient(bed.server.url);
    await first.open('nl');
    await first.say('ik wil een medewerker spreken');
    await waitFor(() => bed.postedCards().length === before + 1, 10_000);

    bed.connector.failNext(403, { conversationId: STAFF_CHANNEL });
    const second = new WebChatClient(bed.server.url);
    await second.open('nl');
    await second.say('ik wil een medewerker spreken');
    await waitFor(async () => (await bed.server.app.connection.collection('teams_conversation_refs').findOne({ _id: `staff:${STAFF_CHANNEL}` as never }))?.goneAt);
    await bed.server.app.scheduler.runOnce('handoff.realert', clock.advanceMinutes(15));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bed.postedCards()).toHaveLength(before + 1);

    expect(await bed.install()).toBe(200);
    await bed.server.app.scheduler.runOnce('handoff.realert', clock.advanceMinutes(15));
    await waitFor(() => bed.postedCards().length >= before + 2);
  });

  test('a claim in the dashboard redraws the case\'s Teams cards too', async () => {
    const card = bed.postedCards().find((c) => bed.current(c).actions.some((a) => a.data?.verb === 'case_claim')) as SeenCard;
    const login = await fetch(`${bed.server.url}/api/staff/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'an@digipunt.test', password: 'a long enough password' }),
    });
    const { token } = (await login.json()) as { token: string };
    const claimed = await fetch(`${bed.server.url}/api/staff/cases/${caseId(card)}/claim`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(claimed.status).toBe(200);
    await waitFor(() => bed.current(card).facts[t('staff.case.assignee')] === t('teams_staff.taken_by', { email: 'an@digipunt.test' }));
  });
});

describe('Teams staff app with an app id', () => {
  test('a request without a valid token is rejected with 401 and nothing is processed', async () => {
    const bed = await StaffBed.start({ appId: APP_ID });
    try {
      jest.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(await bed.install()).toBe(401);
      expect(await bed.server.app.connection.collection('teams_conversation_refs').countDocuments()).toBe(0);
      const install = bed.activity('29:installer', { type: 'conversationUpdate', membersAdded: [{ id: '28:digipunt-staff-bot' }] });
      expect(await bed.post(install, `Bearer ${bed.connector.token({ aud: APP_ID, serviceurl: bed.connector.url })}`)).toBe(200);
      expect(await bed.server.app.connection.collection('teams_conversation_refs').countDocuments()).toBe(1);
    } finally {
      jest.restoreAllMocks();
      await bed.close();
    }
  }, 120_000);
});
