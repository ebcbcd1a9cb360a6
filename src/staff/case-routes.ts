import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors';
import type { BusinessHours } from '../domain/handoff/business-hours';
import type { CaseEvents } from '../domain/handoff/case-events';
import { CASE_STATUSES, type CaseStatus } from '../domain/handoff/case-machine';
import type { CaseDoc } from '../domain/handoff/case-model';
import type { CaseService } from '../domain/handoff/case-service';
import type { CaseStore } from '../domain/handoff/case-store';
import type { HandoffContent } from '../domain/handoff/handoff-content';
import type { TurnLog } from '../domain/handoff/turn-log';
import type { AuditLog } from './audit';
import { staffOf } from './auth';
import { caseStatistics, questionOutcomes } from './case-stats';
import type { AppMetrics } from '../core/metrics';
import { streamCaseEvents } from './case-stream';
import { STAFF_ROLES, type StaffAuth, type StaffDirectory } from './staff-types';

/** What the staff case API works with. */
export interface CaseRoutesOptions {
  store: CaseStore;
  service: CaseService;
  content: HandoffContent;
  auth: StaffAuth;
  audit: AuditLog;
  directory: StaffDirectory;
  events: CaseEvents;
  hours: BusinessHours;
  turns: TurnLog;
  metrics: AppMetrics;
  clock: () => Date;
}

type IdParams = { Params: { id: string } };

const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
const body = (properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> => ({ type: 'object', additionalProperties: false, required, properties });
const caseSummarySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, reference: { type: 'string' }, status: { type: 'string', enum: [...CASE_STATUSES] }, language: { type: 'string' },
    channel: { type: 'string' }, reason: { type: 'string' }, priority: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' },
    assignee: { type: ['object', 'null'], properties: { id: { type: 'string' }, email: { type: 'string' } } },
  },
} as const;

/** The case as the queue lists it: no transcript, no answers (those are personal data, read per case). */
export function caseSummary(doc: CaseDoc): Record<string, unknown> {
  return {
    id: doc._id, reference: doc.reference, status: doc.status, language: doc.language, channel: doc.address.channel, reason: doc.reason,
    priority: doc.priority, createdAt: doc.createdAt.toISOString(), assignee: doc.assignee ? { id: doc.assignee.id, email: doc.assignee.email } : null,
  };
}

/** The staff REST API of the case queue (documented in the OpenAPI document under the "staff" tag). */
export async function caseRoutes(app: FastifyInstance, options: CaseRoutesOptions): Promise<void> {
  const { store, service, auth } = options;
  const anyStaff = auth.guard(STAFF_ROLES);
  const route = (summary: string, extra: Record<string, unknown> = {}): { schema: Record<string, unknown>; preValidation: typeof anyStaff } => ({ schema: { tags: ['staff'], summary, security, ...extra }, preValidation: anyStaff });

  app.get<{ Querystring: { status?: CaseStatus } }>('/api/staff/cases', route('Cases in the queue order (priority, then oldest first)', {
    querystring: { type: 'object', properties: { status: { type: 'string', enum: [...CASE_STATUSES] } } },
    response: { 200: { type: 'array', items: caseSummarySchema } },
  }), async (request) => (await store.list(request.query.status ? [request.query.status] : ['waiting', 'assigned'])).map(caseSummary));

  app.get<IdParams>('/api/staff/cases/:id', route('One case with its context pack, messages, notes and history', { params: idParams }), async (request) => {
    const staff = staffOf(request);
    const doc = await store.get(request.params.id);
    await options.audit.record({ actor: staff.id, action: 'case.view', subject: `case:${doc._id}`, at: options.clock() });
    const [messages, notes, history] = await Promise.all([store.messages(doc._id), store.notesOf(doc.residentKey), store.history(doc._id)]);
    return {
      ...caseSummary(doc), context: doc.context, labels: doc.labels, resolution: doc.resolution ?? null, csat: doc.csat ?? null,
      firstResponseDue: doc.firstResponseDue, resolutionDue: doc.resolutionDue, firstResponseAt: doc.firstResponseAt ?? null,
      messages: messages.map(({ from, text, at, staffId, templateId }) => ({ from, text, at, staffId, templateId })),
      notes: notes.map(({ caseId, staffId, text, at }) => ({ caseId, staffId, text, at })),
      history: history.map(({ version, action, from, to, who, why, at }) => ({ version, action, from, to, who, why, at })),
    };
  });

  app.post<IdParams>('/api/staff/cases/:id/claim', route('Claim a waiting case: 200, or 409 when a colleague was first', { params: idParams }), async (request) =>
    caseSummary(await service.claim(request.params.id, staffOf(request))));

  app.post<IdParams>('/api/staff/cases/:id/unclaim', route('Put an assigned case back in the queue', { params: idParams }), async (request) =>
    caseSummary(await service.unclaim(request.params.id, staffOf(request))));

  app.post<IdParams & { Body: { staffId: string } }>('/api/staff/cases/:id/transfer', route('Transfer an assigned case to a colleague', {
    params: idParams, body: body({ staffId: { type: 'string', maxLength: 64 } }, ['staffId']),
  }), async (request) => {
    const to = await options.directory.principal(request.body.staffId);
    if (!to) throw new AppError('NOT_FOUND', 'no such colleague');
    return caseSummary(await service.transfer(request.params.id, staffOf(request), to));
  });

  app.post<IdParams & { Body: { text?: string; templateId?: string } }>('/api/staff/cases/:id/messages', route('Reply to the resident: Dutch text, or a template sent in their language', {
    params: idParams, body: body({ text: { type: 'string', minLength: 1, maxLength: 2000 }, templateId: { type: 'string', maxLength: 64 } }),
  }), async (request, reply) => {
    await service.reply(request.params.id, staffOf(request), request.body);
    return reply.code(201).send({ sent: true });
  });

  app.post<IdParams & { Body: { text: string } }>('/api/staff/cases/:id/notes', route('Add an internal note (kept for the resident\'s later cases)', {
    params: idParams, body: body({ text: { type: 'string', minLength: 1, maxLength: 2000 } }, ['text']),
  }), async (request, reply) => {
    const staff = staffOf(request);
    const doc = await store.get(request.params.id);
    const at = options.clock();
    await store.addNote({ caseId: doc._id, residentKey: doc.residentKey, staffId: staff.id, text: request.body.text.trim(), at });
    await options.audit.record({ actor: staff.id, action: 'case.note', subject: `case:${doc._id}`, at });
    return reply.code(201).send({ saved: true });
  });

  app.put<IdParams & { Body: { labels: string[] } }>('/api/staff/cases/:id/labels', route('Replace the labels of a case', {
    params: idParams, body: body({ labels: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 40 } } }, ['labels']),
  }), async (request) => {
    const staff = staffOf(request);
    const doc = await store.get(request.params.id);
    const labels = [...new Set(request.body.labels.map((l) => l.trim().toLowerCase()).filter(Boolean))];
    await store.patch(doc._id, { labels });
    await options.audit.record({ actor: staff.id, action: 'case.labels', subject: `case:${doc._id}`, details: { count: labels.length }, at: options.clock() });
    return { labels };
  });

  app.post<IdParams & { Body: { resolution: string } }>('/api/staff/cases/:id/resolve', route('Resolve with a resolution code; the resident is asked for a 1-5 score', {
    params: idParams, body: body({ resolution: { type: 'string', enum: options.content.resolutions } }, ['resolution']),
  }), async (request) => caseSummary(await service.resolve(request.params.id, staffOf(request), request.body.resolution)));

  app.post<IdParams>('/api/staff/cases/:id/return-to-bot', route('Give the conversation back to the assistant; the resident is asked for a score', { params: idParams }), async (request) =>
    caseSummary(await service.returnToBot(request.params.id, staffOf(request))));

  app.get('/api/staff/templates', route('Reply templates: id and Dutch text'), async () =>
    options.content.replyTemplates.map((id) => ({ id, text: service.deps.renderer.text('nl', `case_reply.${id}`) })));

  app.get('/api/staff/colleagues', route('Staff members a case can be transferred to'), async () => options.directory.list());

  app.get('/api/staff/stats', { schema: { tags: ['staff'], summary: 'Statistics of the last 28 days', security }, preValidation: auth.guard(['coordinator', 'admin']) }, async () =>
    caseStatistics({ store, turns: options.turns, hours: options.hours, now: options.clock(), questionOutcomes: await questionOutcomes(options.metrics) }));

  app.get('/api/staff/audit', { schema: { tags: ['staff'], summary: 'The latest audit entries', security }, preValidation: auth.guard(['admin']) }, async () => options.audit.recent({ limit: 200 }));

  app.get('/api/staff/events', route('Server-sent events: new waiting cases, re-alerts, changes and messages'), async (request, reply) => {
    reply.hijack();
    streamCaseEvents(options.events, options.clock, request.raw, reply.raw);
  });
}
