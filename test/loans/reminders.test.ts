import { randomUUID } from 'node:crypto';
import { REMINDER_JOB, reminderJob } from '../../src/domain/loans/lending/reminders';
import { startTestApp, type TestApp } from '../support/app';
import { dropTestDatabase, testDatabaseUri } from '../support/db';
import { device, openLoans, RecordingChannel, renderer, submit, type LoansHarness } from './loans-harness';

const handedOut = new Date('2026-12-01T10:00:00Z');
const monthBefore = new Date('2028-11-01T10:00:00Z');
const weekBefore = new Date('2028-11-24T10:00:00Z');
const minute = 60_000;

describe('loan reminders one month and one week before the due date', () => {
  const uri = testDatabaseUri('loan_reminders');
  let h: LoansHarness;
  let apps: TestApp[] = [];
  const channel = new RecordingChannel();
  let reference = '';

  beforeAll(async () => {
    h = await openLoans(uri);
    await h.devices.register([device('REMIND-1')], handedOut);
    const application = await submit(h, handedOut, { language: 'fr' });
    reference = application.reference;
    const { loan } = await h.decisions.approve(application._id, { who: 'staff', at: handedOut });
    await h.lending.handOut(loan?._id as string, { who: 'staff', at: handedOut });
    apps = await Promise.all([startTestApp({ uri, clock: () => handedOut }), startTestApp({ uri, clock: () => handedOut })]);
    apps.forEach((a) => a.app.channels.add(channel));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.app.close()));
    await h.connection.close();
    await dropTestDatabase(uri);
  });

  /** Both processes run the scheduled job at the same injected moment. */
  const tickBoth = async (now: Date): Promise<string[]> => {
    const before = channel.sent.length;
    await Promise.all(apps.map((a) => a.app.scheduler.runOnce(REMINDER_JOB, now)));
    return channel.sent.slice(before).flatMap((s) => s.messages.map((m) => m.text));
  };

  test('the loan is due two years after the hand-out', async () => {
    const loan = (await h.loans.list({ status: 'active' })).items[0];
    expect(loan?.dueAt?.toISOString()).toBe('2028-12-01T10:00:00.000Z');
  });

  test('each reminder fires at its date, exactly once, with two schedulers', async () => {
    expect(await tickBoth(new Date(monthBefore.getTime() - 60 * minute))).toEqual([]);
    const month = await tickBoth(monthBefore);
    expect(month).toEqual([apps[0]?.app.renderer.text('fr', 'loan.reminder.month', { reference, date: '1 décembre 2028' })]);
    expect(await tickBoth(new Date(monthBefore.getTime() + 61 * minute))).toEqual([]);
    expect(await tickBoth(new Date(weekBefore.getTime() - 61 * minute))).toEqual([]);
    const week = await tickBoth(weekBefore);
    expect(week).toEqual([apps[0]?.app.renderer.text('fr', 'loan.reminder.week', { reference, date: '1 décembre 2028' })]);
    expect(await tickBoth(new Date(weekBefore.getTime() + 2 * 24 * 60 * minute))).toEqual([]);
    expect(channel.sent.every((s) => s.address.channel === 'test')).toBe(true);
  });

  test('even without the scheduler lease, two job runs at the same moment send a reminder once', async () => {
    const other = await openLoans(uri);
    try {
      await h.devices.register([device('REMIND-2')], handedOut);
      const application = await submit(h, handedOut);
      const { loan } = await h.decisions.approve(application._id, { who: 'staff', at: handedOut });
      await h.lending.handOut(loan?._id as string, { who: 'staff', at: handedOut });
      const jobs = [h, other].map((x) => reminderJob({ loans: x.loans, claims: x.claims, notifier: x.notifier, reminders: x.content.settings.reminders, intervalMs: minute, owner: randomUUID() }));
      const sentBefore = h.channel.sent.length + other.channel.sent.length;
      await Promise.all(jobs.map((job) => job.run(monthBefore)));
      await Promise.all(jobs.map((job) => job.run(monthBefore)));
      const sent = h.channel.sent.length + other.channel.sent.length - sentBefore;
      expect(sent).toBe(1);
    } finally {
      await other.connection.close();
    }
  });

  test('a reminder missed while the assistant was down is not sent late once the next one is due', async () => {
    const late = await openLoans(uri);
    try {
      await late.devices.register([device('REMIND-3')], handedOut);
      const application = await submit(late, handedOut);
      const { loan } = await late.decisions.approve(application._id, { who: 'staff', at: handedOut });
      await late.lending.handOut(loan?._id as string, { who: 'staff', at: handedOut });
      const job = reminderJob({ loans: late.loans, claims: late.claims, notifier: late.notifier, reminders: late.content.settings.reminders, intervalMs: minute, owner: 'late' });
      late.channel.sent.length = 0;
      await job.run(weekBefore);
      const texts = late.channel.sent.filter((s) => s.address.userId === application.address.userId).flatMap((s) => s.messages.map((m) => m.text));
      expect(texts).toEqual([renderer.text('nl', 'loan.reminder.week', { reference: application.reference, date: '1 december 2028' })]);
    } finally {
      await late.connection.close();
    }
  });
});
