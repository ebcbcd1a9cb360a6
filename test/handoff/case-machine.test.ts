import { AppError } from '../../src/core/errors';
import { CASE_ACTIONS, CASE_STATUSES, FINAL_STATUSES, nextStatus, TRANSITIONS } from '../../src/domain/handoff/case-machine';

// Every (action, status) pair: the table's allowed pairs pass, every other one is refused with a clear 409.
const pairs = CASE_ACTIONS.flatMap((action) => CASE_STATUSES.map((from) => [action, from] as const));

describe('the case state machine', () => {
  test.each(pairs.filter(([action, from]) => TRANSITIONS[action][from]))('%s from %s is allowed', (action, from) => {
    expect(nextStatus(action, from)).toBe(TRANSITIONS[action][from]);
  });

  test.each(pairs.filter(([action, from]) => !TRANSITIONS[action][from]))('%s from %s is refused with a clear error', (action, from) => {
    let error: unknown;
    try {
      nextStatus(action, from);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).message).toContain(`cannot ${action.replace(/_/g, ' ')} a case that is ${from.replace(/_/g, ' ')}`);
  });

  it('follows the issue: bot → waiting → assigned → resolved', () => {
    expect(nextStatus('open', 'bot')).toBe('waiting');
    expect(nextStatus('claim', 'waiting')).toBe('assigned');
    expect(nextStatus('resolve', 'assigned')).toBe('resolved');
  });

  it('never leaves a final status', () => {
    for (const from of FINAL_STATUSES) for (const action of CASE_ACTIONS) expect(() => nextStatus(action, from)).toThrow(AppError);
  });

  it('refuses a sample of wrong moves the way staff would try them', () => {
    expect(() => nextStatus('claim', 'assigned')).toThrow(/cannot claim a case that is assigned/);
    expect(() => nextStatus('resolve', 'waiting')).toThrow(/only from assigned/);
    expect(() => nextStatus('expire', 'assigned')).toThrow(/cannot expire/);
  });
});
