import { randomUUID } from 'node:crypto';
import type { MessageRenderer } from '../../core/dialog/renderer';
import { AppError } from '../../core/errors';
import type { ChannelRegistry } from '../../channels/channel';
import type { OutgoingMessage } from '../../core/messages';
import type { ClaimStore } from '../../storage/claims';
import type { AuditLog } from '../../staff/audit';
import type { StaffPrincipal } from '../../staff/staff-types';
import type { BusinessHours } from './business-hours';
import type { CaseEvents, CaseEventType } from './case-events';
import type { CaseAction } from './case-machine';
import type { CaseDoc } from './case-model';
import type { CaseStore } from './case-store';
import { csatQuestion } from './case-texts';
import type { HandoffContent } from './handoff-content';

/** What the case service works with; built once by the handoff feature. */
export interface CaseServiceDeps {
  store: CaseStore;
  claims: ClaimStore;
  events: CaseEvents;
  audit: AuditLog;
  channels: ChannelRegistry;
  renderer: MessageRenderer;
  hours: BusinessHours;
  content: HandoffContent;
  clock: () => Date;
}

/** Who acts on a case: a staff member, the resident, or the system (jobs). */
export type Actor = StaffPrincipal | 'resident' | 'system';

const actorId = (actor: Actor): string => (typeof actor === 'string' ? actor : actor.id);

/**
 * The case actions shared by the staff API, the dashboard and the resident's side: each runs one
 * versioned transition, keeps the per-staff cap, audits, raises the event and tells the resident.
 */
export class CaseService {
  constructor(readonly deps: CaseServiceDeps) {}

  /** Records a transition (who, when, why) plus its audit entry and event. */
  async transition(caseId: string, action: CaseAction, actor: Actor, set: Record<string, unknown> = {}, why?: string): Promise<CaseDoc> {
    const at = this.deps.clock();
    const updated = await this.deps.store.transition(caseId, { action, who: actorId(actor), why, at, set });
    await this.deps.audit.record({ actor: actorId(actor), action: `case.${action}`, subject: `case:${caseId}`, details: { to: updated.status, version: updated.version }, at });
    await this.publish('case.changed', updated);
    return updated;
  }

  /** Takes a waiting case for a staff member: one place of their cap, then the claim transition (409 when lost). */
  async claim(caseId: string, staff: StaffPrincipal): Promise<CaseDoc> {
    const place = await this.takePlace(staff.id, caseId);
    try {
      const updated = await this.transition(caseId, 'claim', staff, { assignee: { id: staff.id, email: staff.email, place }, claimedAt: this.deps.clock() });
      await this.send(updated, [this.deps.renderer.message(updated.language, ['case.claimed'])]);
      return updated;
    } catch (error) {
      await this.deps.claims.release(capScope(staff.id), place, caseId);
      throw error;
    }
  }

  /** Puts an assigned case back in the queue. */
  async unclaim(caseId: string, staff: StaffPrincipal): Promise<CaseDoc> {
    const current = await this.ownedBy(caseId, staff);
    const updated = await this.transition(caseId, 'unclaim', staff, { assignee: null });
    await this.releasePlace(current);
    return updated;
  }

  /** Hands an assigned case to a colleague, within the colleague's cap. */
  async transfer(caseId: string, staff: StaffPrincipal, to: StaffPrincipal): Promise<CaseDoc> {
    const current = await this.ownedBy(caseId, staff);
    if (current.assignee?.id === to.id) throw new AppError('CONFLICT', 'the case is already with this colleague');
    const place = await this.takePlace(to.id, caseId);
    try {
      const updated = await this.transition(caseId, 'transfer', staff, { assignee: { id: to.id, email: to.email, place } }, `to:${to.id}`);
      await this.releasePlace(current);
      return updated;
    } catch (error) {
      await this.deps.claims.release(capScope(to.id), place, caseId);
      throw error;
    }
  }

  /** Closes a case with a resolution code, then asks the resident for a score. */
  async resolve(caseId: string, staff: StaffPrincipal, resolution: string): Promise<CaseDoc> {
    if (!this.deps.content.resolutions.includes(resolution)) throw new AppError('BAD_REQUEST', `unknown resolution "${resolution}"`);
    return this.close(caseId, staff, 'resolve', { resolution }, 'case.resolved');
  }

  /** Gives the conversation back to the assistant, then asks the resident for a score. */
  async returnToBot(caseId: string, staff: StaffPrincipal): Promise<CaseDoc> {
    return this.close(caseId, staff, 'return_to_bot', {}, 'case.returned');
  }

  /** The resident said "never mind": the case is cancelled; the turn tells them itself. */
  async cancelByResident(current: CaseDoc): Promise<CaseDoc> {
    const updated = await this.transition(current._id, 'cancel', 'resident', { assignee: null, closedAt: this.deps.clock() });
    await this.releasePlace(current);
    return updated;
  }

  /** Sends a staff reply (Dutch text, or a template in the resident's language) on the resident's channel. */
  async reply(caseId: string, staff: StaffPrincipal, body: { text?: string; templateId?: string }): Promise<void> {
    const current = await this.ownedBy(caseId, staff);
    const now = this.deps.clock();
    const { text, templateId } = body;
    if (templateId && !this.deps.content.replyTemplates.includes(templateId)) throw new AppError('BAD_REQUEST', `unknown template "${templateId}"`);
    if (!templateId && !text?.trim()) throw new AppError('BAD_REQUEST', 'a reply needs text or a templateId');
    const message = templateId
      ? this.deps.renderer.message(current.language, [`case_reply.${templateId}`])
      : this.deps.renderer.message(current.language, ['case.staff_says'], { text: text?.trim() ?? '' });
    await this.send(current, [message]);
    await this.deps.store.addMessage(caseId, { from: 'staff', text: message.text, at: now, staffId: staff.id, ...(templateId ? { templateId } : {}) });
    if (!current.firstResponseAt) await this.deps.store.patch(caseId, { firstResponseAt: now });
    await this.deps.audit.record({ actor: staff.id, action: 'case.reply', subject: `case:${caseId}`, details: templateId ? { templateId } : { template: false }, at: now });
    await this.publish('case.message', current);
  }

  /** Raises an event about a case (new waiting case, re-alert, change, message). */
  async publish(type: CaseEventType, doc: CaseDoc): Promise<void> {
    await this.deps.events.publish({
      type, caseId: doc._id, reference: doc.reference, status: doc.status, reason: doc.reason, priority: doc.priority,
      language: doc.language, channel: doc.address.channel, at: this.deps.clock(), alertCount: doc.alertCount,
    });
  }

  /** Sends proactively on the resident's channel. */
  async send(doc: CaseDoc, messages: OutgoingMessage[]): Promise<void> {
    await this.deps.channels.send(doc.address, messages);
  }

  private async close(caseId: string, staff: StaffPrincipal, action: 'resolve' | 'return_to_bot', set: Record<string, unknown>, textKey: string): Promise<CaseDoc> {
    const current = await this.ownedBy(caseId, staff);
    const now = this.deps.clock();
    const updated = await this.transition(caseId, action, staff, { ...set, assignee: null, closedAt: now, csatOpen: true, csatAskedAt: now });
    await this.releasePlace(current);
    const { renderer } = this.deps;
    await this.send(updated, [renderer.message(updated.language, [textKey]), csatQuestion(renderer, updated.language)]);
    await this.deps.store.addMessage(caseId, { from: 'system', text: renderer.text('nl', textKey), at: now });
    return updated;
  }

  /** The case, when this staff member holds it or is a coordinator or admin (who may act on any case). */
  private async ownedBy(caseId: string, staff: StaffPrincipal): Promise<CaseDoc> {
    const current = await this.deps.store.get(caseId);
    if (current.status !== 'assigned') throw new AppError('CONFLICT', `the case is ${current.status.replace(/_/g, ' ')}, not assigned`);
    if (current.assignee?.id !== staff.id && staff.role === 'agent') throw new AppError('FORBIDDEN', 'a colleague holds this case');
    return current;
  }

  /** One place of a staff member's cap, as a unique claim; stale places (of closed cases) are freed first. */
  private async takePlace(staffId: string, caseId: string): Promise<string> {
    const places = Array.from({ length: this.deps.content.maxOpenCasesPerStaff }, (_, i) => String(i + 1));
    const scope = capScope(staffId);
    const taken = await this.deps.claims.claimOneOf(scope, places, caseId, this.deps.clock());
    if (taken) return taken;
    const held = new Set((await this.deps.store.assignedTo(staffId)).map((c) => c.assignee?.place));
    for (const place of places) {
      const holder = await this.deps.claims.holder(scope, place);
      if (holder && !held.has(place)) await this.deps.claims.release(scope, place, holder);
    }
    const retried = await this.deps.claims.claimOneOf(scope, places, caseId, this.deps.clock());
    if (!retried) throw new AppError('CONFLICT', `at most ${places.length} open cases per staff member`);
    return retried;
  }

  private async releasePlace(doc: CaseDoc): Promise<void> {
    if (doc.assignee) await this.deps.claims.release(capScope(doc.assignee.id), doc.assignee.place, doc._id);
  }
}

function capScope(staffId: string): string {
  return `staff-cases-${staffId}`;
}

/** A fresh case id. */
export function newCaseId(): string {
  return randomUUID();
}
