import { randomUUID } from 'node:crypto';
import type { Job } from '../../core/jobs/scheduler';
import type { Feature, FeatureDeps } from '../../features';
import { registerApplicationActions } from './dialog/application-actions';
import { registerEligibilityActions } from './dialog/eligibility-actions';
import { registerLoanActions } from './dialog/loan-actions';
import { registerStatusActions } from './dialog/status-actions';
import { registerTrainingActions } from './dialog/training-actions';
import { LoanDataHolder } from './applications/application-privacy';
import { createLoansDomain } from './domain';
import { reminderJob } from './lending/reminders';
import { applicationRoutes } from './staff/application-routes';
import { inventoryRoutes } from './staff/inventory-routes';
import { addLoanPages } from './staff/loan-pages';

/** The waiting-list job's name, for `scheduler.runOnce`. */
export const WAITLIST_JOB = 'loans.waitlist';
const MINUTE_MS = 60_000;

/**
 * Issue 4 as one feature: the eligibility pre-screen, the application, status and changes, staff
 * review, the device register, the loan with its reminders, and Ligo training places.
 */
export function loansFeature(deps: FeatureDeps): Feature {
  const domain = createLoansDomain(deps);
  if (domain.content.placeholders.length > 0) deps.logger.warn({ placeholders: domain.content.placeholders }, 'loan content still has PLACEHOLDER values');
  addLoanPages(deps.dashboard, domain, deps.audit, deps.clock);
  deps.privacy.register(new LoanDataHolder(domain.applications, domain.loans, domain.decisions));
  const owner = randomUUID();
  const jobs: Job[] = [
    reminderJob({ loans: domain.loans, claims: domain.claims, notifier: domain.notifier, reminders: domain.content.settings.reminders, intervalMs: domain.content.settings.jobs.remindersEveryMinutes * MINUTE_MS, owner }),
    {
      name: WAITLIST_JOB,
      intervalMs: domain.content.settings.jobs.waitlistEveryMinutes * MINUTE_MS,
      run: async (now) => void (await domain.decisions.serveWaitlist({ who: WAITLIST_JOB, at: now })),
    },
  ];
  return {
    name: 'loans',
    registerActions(actions) {
      registerEligibilityActions(actions, domain);
      registerApplicationActions(actions, domain);
      registerStatusActions(actions, domain);
      registerTrainingActions(actions, domain);
      registerLoanActions(actions, domain);
    },
    async registerRoutes(app) {
      const options = { domain, auth: deps.staffAuth, audit: deps.audit, clock: deps.clock };
      await applicationRoutes(app, options);
      await inventoryRoutes(app, options);
    },
    jobs: () => jobs,
  };
}
