import type { ActionContext, ActionRegistry, ActionResult } from '../../../core/dialog/actions';
import type { LoansDomain } from '../domain';
import { evaluateEligibility } from '../eligibility/evaluate';

const STILL_OPEN = new Set(['submitted', 'waitlisted', 'approved']);

/** Says why, in the rules' own plain words: every outcome explains itself. */
async function check(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const final = ctx.params.final === true;
  const verdict = await evaluateEligibility(domain.content.rules, ctx.answers, { final });
  if (verdict.outcome === 'not_eligible') {
    ctx.say('eligibility.outcome.not_eligible');
    verdict.failed.forEach((rule) => ctx.say(rule.reason));
  } else if (!final) {
    return { outcome: 'continue' };
  } else if (verdict.outcome === 'maybe') {
    ctx.say('eligibility.outcome.maybe');
    verdict.unsure.forEach((rule) => ctx.say(rule.reason));
  } else {
    ctx.say('eligibility.outcome.likely');
  }
  return { outcome: verdict.outcome, values: { eligibility: verdict.outcome } };
}

/**
 * The pre-screen's actions. `eligibility_check` runs the staff's rules (content/eligibility-rules.yaml)
 * after each answer, so a rule that already fails ends the pre-screen early; with `final: true` it
 * gives the outcome. `loan_check_existing` sends someone who already applied to their application.
 */
export function registerEligibilityActions(actions: ActionRegistry, domain: LoansDomain): void {
  actions.register('eligibility_check', (ctx) => check(domain, ctx));
  actions.register('loan_check_existing', async (ctx) => {
    const loan = await domain.loans.currentOfUser(ctx.address);
    const application = loan ? null : await domain.applications.latestOfUser(ctx.address);
    return { outcome: loan || (application && STILL_OPEN.has(application.status)) ? 'found' : 'none' };
  });
}
