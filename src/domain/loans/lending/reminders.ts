import type { Job } from '../../../core/jobs/scheduler';
import type { ClaimStore } from '../../../storage/claims';
import { formatDay } from '../format';
import { reminderDate, type LoanSettings } from '../loans-content';
import type { ResidentNotifier } from '../notifier';
import type { Loan, LoanStore } from './loan-store';

/** What the reminder job needs. */
export interface ReminderDeps {
  loans: LoanStore;
  claims: ClaimStore;
  notifier: ResidentNotifier;
  reminders: LoanSettings['reminders'];
  intervalMs: number;
  owner: string;
}

/** The job's name, for `scheduler.runOnce`. */
export const REMINDER_JOB = 'loans.reminders';

/** The reminder a loan should have had by `now`: the latest whose date has come (an earlier one missed during downtime is not sent late). */
function reminderDueFor(loan: Loan, now: Date, reminders: LoanSettings['reminders']): string | null {
  if (!loan.dueAt) return null;
  const due = reminders
    .map((r) => ({ kind: r.kind, at: reminderDate(loan.dueAt as Date, r.before) }))
    .filter((r) => r.at.getTime() <= now.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return due[0]?.kind ?? null;
}

/**
 * Reminds residents before their loan's due date (content/loans.yaml: one month and one week).
 * Each reminder is claimed as "reminder:<loan>:<kind>" before it is sent, so it goes out exactly once
 * even when two processes run this job at the same moment; a send that fails gives the claim back so
 * the next tick tries again.
 */
export function reminderJob(deps: ReminderDeps): Job {
  const furthest = deps.reminders.reduce((latest, r) => Math.max(latest, (r.before.months ?? 0) * 31 + (r.before.days ?? 0)), 0);
  return {
    name: REMINDER_JOB,
    intervalMs: deps.intervalMs,
    run: async (now) => {
      const horizon = new Date(now.getTime() + (furthest + 1) * 24 * 3600 * 1000);
      for (const loan of await deps.loans.activeDueBy(horizon)) {
        const kind = reminderDueFor(loan, now, deps.reminders);
        if (!kind || loan.remindersSent.includes(kind)) continue;
        if (!(await deps.claims.claim('reminder', `${loan._id}:${kind}`, deps.owner, now))) continue;
        const sent = await deps.notifier.tell(loan, [`loan.reminder.${kind}`], { reference: loan.reference, date: formatDay(loan.dueAt as Date, loan.language) });
        if (sent) await deps.loans.markReminded(loan._id, kind);
        else await deps.claims.release('reminder', `${loan._id}:${kind}`, deps.owner);
      }
    },
  };
}
