import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors';
import { staffOf } from '../../../staff/auth';
import { STAFF_ROLES } from '../../../staff/staff-types';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from '../inventory/device-store';
import { LOAN_STATUSES, type LoanStatus } from '../lending/loan-store';
import type { ReturnedTo } from '../lending/lending';
import type { LoanRouteOptions } from './application-routes';
import { deviceView, loanView, paging, transitionView } from './staff-views';

type IdParams = { Params: { id: string } };
const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;

/**
 * The staff REST API of the device register, the loans and the training sessions: what is in stock,
 * handing a reserved device out (the two years start), taking it back (the device is free again and
 * the waiting list is served), and how full each Ligo session is.
 */
export async function inventoryRoutes(app: FastifyInstance, options: LoanRouteOptions): Promise<void> {
  const { domain, audit, clock } = options;
  const anyStaff = options.auth.guard(STAFF_ROLES);
  const route = (summary: string, extra: Record<string, unknown> = {}): { schema: Record<string, unknown>; preValidation: typeof anyStaff } => ({
    schema: { tags: ['staff'], summary, security, ...extra }, preValidation: anyStaff,
  });

  app.get<{ Querystring: { status?: DeviceStatus; type?: DeviceType; limit: number; skip: number } }>('/api/staff/loans/devices', route('The device register, with counts per status', {
    querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: [...DEVICE_STATUSES] }, type: { type: 'string', enum: [...DEVICE_TYPES] }, ...paging } },
  }), async (request) => {
    const { status, type, limit, skip } = request.query;
    const [counts, { total, items }] = await Promise.all([domain.devices.countByStatus(), domain.devices.list({ ...(status ? { status } : {}), ...(type ? { type } : {}) }, limit, skip)]);
    return { counts, total, items: items.map(deviceView) };
  });

  app.get<IdParams>('/api/staff/loans/devices/:id', route('One device with its history', { params: idParams }), async (request) => {
    const device = await domain.devices.get(request.params.id);
    if (!device) throw new AppError('NOT_FOUND', 'no such device');
    return { ...deviceView(device), history: (await domain.log.history('device', device._id)).map(transitionView) };
  });

  app.get<{ Querystring: { status?: LoanStatus; limit: number; skip: number } }>('/api/staff/loans/loans', route('Loans: reserved (to hand out), active (with due date) and returned', {
    querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: [...LOAN_STATUSES] }, ...paging } },
  }), async (request) => {
    const { status, limit, skip } = request.query;
    const { total, items } = await domain.loans.list(status ? { status } : {}, limit, skip);
    return { total, items: items.map(loanView) };
  });

  app.post<IdParams>('/api/staff/loans/loans/:id/hand-out', route('The resident picked the device up: the loan starts and is due after the loan duration', { params: idParams }), async (request) => {
    const staff = staffOf(request);
    const at = clock();
    const loan = await domain.lending.handOut(request.params.id, { who: staff.id, at });
    await audit.record({ actor: staff.id, action: 'loan.hand_out', subject: `loan:${loan._id}`, at });
    return loanView(loan);
  });

  app.post<IdParams & { Body: { to?: ReturnedTo } | null }>('/api/staff/loans/loans/:id/return', route('The device came back: the loan closes and the device goes back in stock (or to repair)', {
    params: idParams, body: { type: ['object', 'null'], additionalProperties: false, properties: { to: { type: 'string', enum: ['in_stock', 'repair'] } } },
  }), async (request) => {
    const staff = staffOf(request);
    const at = clock();
    const loan = await domain.lending.giveBack(request.params.id, request.body?.to ?? 'in_stock', { who: staff.id, at });
    await audit.record({ actor: staff.id, action: 'loan.return', subject: `loan:${loan._id}`, details: { to: request.body?.to ?? 'in_stock' }, at });
    return loanView(loan);
  });

  app.get('/api/staff/loans/training-sessions', route('The Ligo training sessions with places taken'), async () =>
    Promise.all(domain.content.sessions.map(async (s) => ({ id: s.id, start: s.start, place: s.place, language: s.language, capacity: s.capacity, taken: await domain.training.taken(s.id) }))));
}
