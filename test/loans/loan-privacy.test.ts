import { LoanDataHolder } from '../../src/domain/loans/applications/application-privacy';
import { dropTestDatabase, testDatabaseUri } from '../support/db';
import { device, openLoans, submit, type LoansHarness } from './loans-harness';

describe('loan applications as personal data: export, erasure, retention', () => {
  const uri = testDatabaseUri('loan_privacy');
  let h: LoansHarness;
  let holder: LoanDataHolder;
  const at = new Date('2026-12-01T10:00:00Z');
  const subject = { channel: 'test', userId: 'privacy-user' };
  const address = { channel: 'test', conversationId: 'privacy-conv', userId: 'privacy-user' };

  beforeAll(async () => {
    h = await openLoans(uri);
    holder = new LoanDataHolder(h.applications, h.loans, h.decisions);
  });

  afterAll(async () => {
    await h.connection.close();
    await dropTestDatabase(uri);
  });

  test('"what do you keep?" lists the applications with their contact details', async () => {
    const app = await submit(h, at, { address, name: 'Fatima El Amrani', email: 'f@example.org' });
    const held = await holder.export(subject);
    expect(held.records).toEqual([expect.objectContaining({ reference: app.reference, name: 'Fatima El Amrani', email: 'f@example.org', status: 'submitted' })]);
  });

  test('erasure withdraws an undecided application, frees its training place and blanks the personal fields', async () => {
    const sessionId = h.content.sessions[0]?.id as string;
    const booked = await submit(h, at, { address, training: { sessionId, place: '1' } });
    expect(await h.claims.claim(`training-${sessionId}`, '1', booked._id, at)).toBe(true);
    const result = await holder.erase(subject, at);
    expect(await h.training.taken(sessionId)).toBe(0);
    expect(result).toEqual({ holder: 'loans', erased: 2, keptBecause: [] });
    expect((await holder.export(subject)).records).toEqual([]);
    const stored = await h.applications.get(booked._id);
    expect(stored).toMatchObject({ status: 'withdrawn', name: '', phone: '', email: null, address: { channel: 'test', userId: '', conversationId: '' } });
  });

  test('a running loan keeps its data until the laptop is back, and says why', async () => {
    await h.devices.register([device('PRIV-1')], at);
    const app = await submit(h, at, { address });
    const { loan } = await h.decisions.approve(app._id, { who: 'staff', at });
    await h.lending.handOut(loan?._id as string, { who: 'staff', at });
    const result = await holder.erase(subject, at);
    expect(result.keptBecause).toEqual(['application.privacy_kept_loan']);
    expect((await h.applications.get(app._id))?.name).not.toBe('');
    await h.lending.giveBack(loan?._id as string, 'in_stock', { who: 'staff', at: new Date('2028-12-01T10:00:00Z') });
    expect(await holder.purge(new Date('2028-11-30T00:00:00Z'))).toBe(0);
    expect(await holder.purge(new Date('2029-01-01T00:00:00Z'))).toBe(1);
    expect((await h.applications.get(app._id))?.phone).toBe('');
    expect((await h.loans.ofApplication(app._id))?.address.userId).toBe('');
  });
});
