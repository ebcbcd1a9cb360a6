import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors';
import type { AuditLog } from '../../../staff/audit';
import { staffOf } from '../../../staff/auth';
import { STAFF_ROLES, type StaffAuth } from '../../../staff/staff-types';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../applications/application-store';
import type { DecisionResult } from '../applications/decisions';
import type { LoansDomain } from '../domain';
import { applicationView, deviceView, loanView, paging, transitionView } from './staff-views';

/** What the staff application API needs from the app. */
export interface LoanRouteOptions {
  domain: LoansDomain;
  auth: StaffAuth;
  audit: AuditLog;
  clock: () => Date;
}

type IdParams = { Params: { id: string } };
const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
/** Deciding is a coordinator's job; every staff member may look things up and work at the desk. */
const DECIDERS = ['coordinator', 'admin'] as const;

function decisionView(result: DecisionResult): Record<string, unknown> {
  return { application: applicationView(result.application), device: result.device ? deviceView(result.device) : null, loan: result.loan ? loanView(result.loan) : null, notified: result.notified };
}

/**
 * The staff REST API of loan applications: list and filter, read one with its history, approve
 * (a device is assigned atomically, or the application joins the waiting list), reject with a reason,
 * put on the waiting list. Each decision is told to the resident; a concurrent decision gets 409.
 */
export async function applicationRoutes(app: FastifyInstance, options: LoanRouteOptions): Promise<void> {
  const { domain, audit, clock } = options;
  const anyStaff = options.auth.guard(STAFF_ROLES);
  const deciders = options.auth.guard(DECIDERS);
  const route = (summary: string, guard: typeof anyStaff, extra: Record<string, unknown> = {}): { schema: Record<string, unknown>; preValidation: typeof anyStaff } => ({
    schema: { tags: ['staff'], summary, security, ...extra }, preValidation: guard,
  });

  app.get<{ Querystring: { status?: ApplicationStatus; q?: string; limit: number; skip: number } }>('/api/staff/loans/applications', route('Loan applications, oldest first; filter by status or by part of a name, reference or phone', anyStaff, {
    querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: [...APPLICATION_STATUSES] }, q: { type: 'string', maxLength: 100 }, ...paging } },
  }), async (request) => {
    const { status, q, limit, skip } = request.query;
    const { total, items } = await domain.applications.list({ status, search: q, limit, skip });
    await audit.record({ actor: staffOf(request).id, action: 'loan_application.list', subject: 'loan_applications', details: { count: items.length }, at: clock() });
    return { total, items: items.map(applicationView) };
  });

  app.get<IdParams>('/api/staff/loans/applications/:id', route('One application with its loan and the history of its decisions', anyStaff, { params: idParams }), async (request) => {
    const application = await domain.applications.get(request.params.id);
    if (!application) throw new AppError('NOT_FOUND', 'no such application');
    await audit.record({ actor: staffOf(request).id, action: 'loan_application.view', subject: `loan_application:${application._id}`, at: clock() });
    const [loan, history, waitlistPosition] = await Promise.all([
      domain.loans.ofApplication(application._id),
      domain.log.history('application', application._id),
      application.status === 'waitlisted' ? domain.applications.waitlistPosition(application) : Promise.resolve(null),
    ]);
    return { ...applicationView(application), waitlistPosition, loan: loan ? loanView(loan) : null, history: history.map(transitionView) };
  });

  const decide = (action: string, run: (id: string, who: { who: string; at: Date; note?: string | null }, body: { reason?: string; note?: string }) => Promise<DecisionResult>) =>
    async (request: { params: { id: string }; body?: { reason?: string; note?: string } | null } & Parameters<typeof staffOf>[0]): Promise<Record<string, unknown>> => {
      const staff = staffOf(request);
      const at = clock();
      const result = await run(request.params.id, { who: staff.id, at, note: request.body?.note ?? null }, request.body ?? {});
      await audit.record({ actor: staff.id, action: `loan_application.${action}`, subject: `loan_application:${request.params.id}`, details: { status: result.application.status, notified: result.notified }, at });
      return decisionView(result);
    };
  const noteBody = { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } } as const;

  app.post<IdParams & { Body: { note?: string } | null }>('/api/staff/loans/applications/:id/approve', route('Approve: assigns a device in stock (or puts the application on the waiting list); 409 when a colleague decided first', deciders, { params: idParams, body: noteBody }),
    decide('approve', (id, actor) => domain.decisions.approve(id, actor)));

  app.post<IdParams & { Body: { reason: string; note?: string } }>('/api/staff/loans/applications/:id/reject', route('Reject with a reason from content/loans.yaml; the resident gets its text in their language', deciders, {
    params: idParams,
    body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', enum: [...domain.content.settings.rejectionReasons] }, note: { type: 'string', maxLength: 500 } } },
  }), decide('reject', (id, actor, body) => domain.decisions.reject(id, body.reason ?? '', actor)));

  app.post<IdParams & { Body: { note?: string } | null }>('/api/staff/loans/applications/:id/waitlist', route('Put on the waiting list (served in order of application when a device is free)', deciders, { params: idParams, body: noteBody }),
    decide('waitlist', (id, actor) => domain.decisions.waitlist(id, actor)));
}
