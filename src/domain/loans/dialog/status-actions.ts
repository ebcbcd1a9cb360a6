import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ActionContext, ActionRegistry, ActionResult } from '../../../core/dialog/actions';
import type { Application } from '../applications/application-store';
import type { LoansDomain } from '../domain';
import { formatDay } from '../format';
import { sessionLabel } from '../training/session-label';
import { requiredAnswer, textAnswer } from './answers';

/** The application this conversation found (by its user, or by reference plus phone); null if it vanished. */
export async function foundApplication(domain: LoansDomain, ctx: ActionContext): Promise<Application | null> {
  const id = textAnswer(ctx.answers, 'application_id');
  return id ? domain.applications.get(id) : null;
}

const found = (application: Application | null): ActionResult =>
  application ? { outcome: 'found', values: { application_id: application._id, reference: application.reference } } : { outcome: 'none' };

/** Says where the application stands, with what the resident needs next; the outcome lets the flow offer what fits. */
async function show(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const application = await foundApplication(domain, ctx);
  if (!application) return { outcome: 'none' };
  const values = { reference: application.reference };
  const loan = application.status === 'approved' ? await domain.loans.ofApplication(application._id) : null;
  if (loan?.status === 'active' && loan.dueAt) ctx.say('application.status.active', { ...values, date: formatDay(loan.dueAt, ctx.language) });
  else if (loan?.status === 'returned') ctx.say('application.status.returned', values);
  else if (application.status === 'waitlisted') ctx.say('application.status.waitlisted', { ...values, position: await domain.applications.waitlistPosition(application) });
  else ctx.say(`application.status.${application.status}`, values);
  if (application.status === 'rejected' && application.rejectionReason) ctx.say(`application.rejection.${application.rejectionReason}`);
  if (application.status === 'rejected' || application.status === 'withdrawn' || loan?.status === 'returned') return { outcome: 'closed' };
  const session = application.training ? domain.training.session(application.training.sessionId) : undefined;
  if (session) ctx.say('application.training_booked', { session: sessionLabel(session, ctx.language, domain.renderer) });
  return { outcome: application.status === 'approved' ? 'approved' : 'open' };
}

async function updateContact(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const application = await foundApplication(domain, ctx);
  if (!application) return { outcome: 'none' };
  const change = ctx.params.field === 'phone' ? { phone: requiredAnswer(ctx.answers, 'new_phone') } : { email: requiredAnswer(ctx.answers, 'new_email') };
  await domain.applications.updateContact(application._id, change);
  return { outcome: 'changed' };
}

/** Status, contact changes and withdrawal, for the resident who owns the application. */
export function registerStatusActions(actions: ActionRegistry, domain: LoansDomain): void {
  actions.register('application_find_mine', async (ctx) => found(await domain.applications.latestOfUser(ctx.address)));
  actions.register('application_find_by_reference', async (ctx) => {
    const phone = parsePhoneNumberFromString(requiredAnswer(ctx.answers, 'phone_given'), 'BE');
    return found(phone ? await domain.applications.byReferenceAndPhone(requiredAnswer(ctx.answers, 'reference_given'), phone.number) : null);
  });
  actions.register('application_show', (ctx) => show(domain, ctx));
  actions.register('application_update_contact', (ctx) => updateContact(domain, ctx));
  actions.register('application_withdraw', async (ctx) => {
    const application = await foundApplication(domain, ctx);
    return { outcome: application && (await domain.decisions.withdraw(application, ctx.now)) ? 'withdrawn' : 'not_allowed' };
  });
}
