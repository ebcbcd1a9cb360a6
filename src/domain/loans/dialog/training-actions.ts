import type { ActionContext, ActionRegistry, ActionResult } from '../../../core/dialog/actions';
import type { LoansDomain } from '../domain';
import { sessionLabel } from '../training/session-label';
import { requiredAnswer } from './answers';
import { foundApplication } from './status-actions';

const MAY_BOOK = new Set(['submitted', 'waitlisted', 'approved']);

/** Books or moves: the new place is claimed first, the old one freed only once the new one is held. */
async function book(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const application = await foundApplication(domain, ctx);
  if (!application || !MAY_BOOK.has(application.status)) return { outcome: 'not_allowed' };
  const sessionId = requiredAnswer(ctx.answers, 'new_session');
  if (application.training?.sessionId === sessionId) return { outcome: 'booked' };
  const booking = await domain.training.reserve(sessionId, application._id, ctx.now);
  if (!booking) return { outcome: 'full' };
  await domain.applications.setTraining(application._id, booking);
  if (application.training) await domain.training.release(application.training, application._id);
  return { outcome: 'booked' };
}

async function cancel(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const application = await foundApplication(domain, ctx);
  if (!application?.training) return { outcome: 'none' };
  await domain.applications.setTraining(application._id, null);
  await domain.training.release(application.training, application._id);
  return { outcome: 'cancelled' };
}

/** Booking, moving and cancelling a place in a Ligo training session from the conversation. */
export function registerTrainingActions(actions: ActionRegistry, domain: LoansDomain): void {
  actions.register('training_status', async (ctx) => {
    const application = await foundApplication(domain, ctx);
    if (!application || !MAY_BOOK.has(application.status)) return { outcome: 'not_allowed' };
    return { outcome: application.training ? 'booked' : 'none' };
  });
  actions.register('training_book', (ctx) => book(domain, ctx));
  actions.register('training_cancel', (ctx) => cancel(domain, ctx));
  actions.registerChoices('training_sessions', async (ctx) =>
    (await domain.training.open(ctx.now)).map((s) => ({ id: s.id, label: sessionLabel(s, ctx.language, domain.renderer) })),
  );
}
