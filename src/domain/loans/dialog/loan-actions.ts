import type { ActionRegistry } from '../../../core/dialog/actions';
import type { LoansDomain } from '../domain';
import { formatDay } from '../format';

/**
 * Finds this conversation's current loan for "my laptop is broken": its id links the staff case to
 * the loan, and its due date (in the resident's words) answers "when are my two years over?".
 */
export function registerLoanActions(actions: ActionRegistry, domain: LoansDomain): void {
  actions.register('loan_find_mine', async (ctx) => {
    const loan = await domain.loans.currentOfUser(ctx.address);
    if (!loan) return { outcome: 'none', values: { loan_id: null, due_date: null } };
    return { outcome: loan.status, values: { loan_id: loan._id, due_date: loan.dueAt ? formatDay(loan.dueAt, ctx.language) : null } };
  });
}
