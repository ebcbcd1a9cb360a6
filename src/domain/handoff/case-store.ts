import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { AppError } from '../../core/errors';
import { isDuplicateKey } from '../../storage/connection';
import { isOpenStatus, nextStatus, type CaseAction, type CaseStatus } from './case-machine';
import { LatestCaseIndex } from './latest-case';
import { handoffModels, writeOrder, type CaseDoc, type CaseMessageDoc, type CaseNoteDoc, type HandoffModels, type TransitionDoc, type TranscriptLine } from './case-model';

/** Who asks for a transition and why; `who` is a staff id, "resident" or "system". */
export interface TransitionRequest {
  action: CaseAction;
  who: string;
  why?: string;
  at: Date;
  /** Case fields the transition sets besides status and version (assignee, resolution, ...). */
  set?: Record<string, unknown>;
}

/** A stuck transition (its writer died between the two writes) is rolled forward after this long. */
const ROLL_FORWARD_AFTER_MS = 10_000;

/**
 * The case queue in MongoDB. Transitions follow docs/concurrency.md: the transition record is inserted
 * under the unique (caseId, version + 1); the loser of a race gets 409; the winner then updates the case
 * with {_id, version} as filter. FerretDB's findOneAndUpdate is not atomic, so it decides nothing here.
 */
export class CaseStore {
  readonly models: HandoffModels;

  readonly latest: LatestCaseIndex;

  constructor(connection: Connection) {
    this.models = handoffModels(connection);
    this.latest = new LatestCaseIndex(connection, this.models.cases);
  }

  /** Stores a new case (status waiting, version 1) with its "open" transition from the bot. */
  async create(doc: Omit<CaseDoc, 'status' | 'version'>, who: string): Promise<CaseDoc> {
    const created: CaseDoc = { ...doc, status: nextStatus('open', 'bot'), version: 1 };
    await this.latest.point(doc);
    await this.models.cases.create(created);
    await this.models.transitions.create({ _id: `${doc._id}:1`, caseId: doc._id, version: 1, action: 'open', from: 'bot', to: created.status, who, why: doc.reason, at: doc.createdAt, set: {} });
    return created;
  }

  /** A case by id; 404 when unknown. */
  async get(id: string): Promise<CaseDoc> {
    const doc = await this.models.cases.findById(id).lean();
    if (!doc) throw new AppError('NOT_FOUND', 'no such case');
    return doc;
  }

  /** The open (waiting or assigned) case of a conversation, if any: its newest, since closed cases never reopen. */
  async openFor(conversationKey: string): Promise<CaseDoc | null> {
    const latest = await this.latestFor(conversationKey);
    return latest && isOpenStatus(latest.status) ? latest : null;
  }

  /** The newest case of a conversation, open or closed (every turn asks; two reads by `_id`). */
  async latestFor(conversationKey: string): Promise<CaseDoc | null> {
    const caseId = await this.latest.caseIdFor(conversationKey);
    return caseId ? this.models.cases.findById(caseId).lean() : null;
  }

  /** Cases by status: highest priority first, then oldest first (the queue order). */
  async list(statuses: readonly CaseStatus[], limit = 200): Promise<CaseDoc[]> {
    return this.models.cases.find({ status: { $in: statuses } }).sort({ priority: -1, createdAt: 1, _id: 1 }).limit(limit).lean();
  }

  /** Cases of one assignee that are still assigned. */
  async assignedTo(staffId: string): Promise<CaseDoc[]> {
    return this.models.cases.find({ status: 'assigned', 'assignee.id': staffId }).lean();
  }

  /** Applies one transition of the table; throws 409 when it is not allowed or someone else was first. */
  async transition(caseId: string, request: TransitionRequest): Promise<CaseDoc> {
    const current = await this.get(caseId);
    const to = nextStatus(request.action, current.status);
    const version = current.version + 1;
    const set = { ...(request.set ?? {}) };
    const record: TransitionDoc = { _id: `${caseId}:${version}`, caseId, version, action: request.action, from: current.status, to, who: request.who, why: request.why, at: request.at, set };
    try {
      await this.models.transitions.create(record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.rollForward(caseId, version, request.at);
      throw new AppError('CONFLICT', 'someone else changed this case first');
    }
    await this.models.cases.updateOne({ _id: caseId, version: current.version }, { $set: { ...set, status: to, version } });
    return { ...current, ...set, status: to, version } as CaseDoc;
  }

  /** Sets fields that no transition decides (acknowledged, labels, CSAT, alert counters). */
  async patch(caseId: string, set: Record<string, unknown>): Promise<void> {
    await this.models.cases.updateOne({ _id: caseId }, { $set: set });
  }

  /** The recorded transitions of a case, oldest first (who, when, why). */
  async history(caseId: string): Promise<TransitionDoc[]> {
    return this.models.transitions.find({ caseId }).sort({ version: 1 }).lean();
  }

  /** Appends a message to a case's transcript. */
  async addMessage(caseId: string, line: TranscriptLine): Promise<void> {
    await this.models.messages.create({ _id: randomUUID(), caseId, order: writeOrder(), ...line });
  }

  /** The messages of a case, oldest first. */
  async messages(caseId: string): Promise<CaseMessageDoc[]> {
    return this.models.messages.find({ caseId }).sort({ at: 1, order: 1 }).lean();
  }

  /** Adds an internal note, filed under the resident so later cases show it. */
  async addNote(note: Omit<CaseNoteDoc, '_id'>): Promise<void> {
    await this.models.notes.create({ _id: randomUUID(), ...note });
  }

  /** The notes on every case of a resident, oldest first. */
  async notesOf(residentKey: string): Promise<CaseNoteDoc[]> {
    return this.models.notes.find({ residentKey }).sort({ at: 1 }).lean();
  }

  /** The labels of the resident's latest case, carried over to a new case. */
  async labelsOf(residentKey: string): Promise<string[]> {
    const last = await this.models.cases.findOne({ residentKey }).sort({ createdAt: -1 }).lean();
    return last?.labels ?? [];
  }

  /**
   * A transition whose writer died after inserting it and before updating the case would block the
   * case forever; once it is old enough, its recorded change is applied by whoever meets it.
   */
  private async rollForward(caseId: string, version: number, now: Date): Promise<void> {
    const stuck = await this.models.transitions.findById(`${caseId}:${version}`).lean();
    if (!stuck || now.getTime() - stuck.at.getTime() < ROLL_FORWARD_AFTER_MS) return;
    await this.models.cases.updateOne({ _id: caseId, version: version - 1 }, { $set: { ...stuck.set, status: stuck.to, version } });
  }
}
