import type { DataSubject, ErasureResult, HeldData, PersonalDataHolder } from '../../core/privacy';
import type { CaseStore } from './case-store';
import type { TurnLog } from './turn-log';

const residentKey = (subject: DataSubject): string => `${subject.channel}:${subject.userId}`;

/**
 * The handoff's personal data in the privacy registry: the recorded turns, the resident's cases (with
 * their context pack and messages) and the staff notes about them. Erasure removes all of it; the
 * retention purge removes turns, messages and notes past the retention and empties the context pack
 * of cases closed before it (the case's codes stay for the statistics).
 */
export class HandoffDataHolder implements PersonalDataHolder {
  readonly name = 'handoff';

  constructor(private readonly store: CaseStore, private readonly turns: TurnLog) {}

  async export(subject: DataSubject): Promise<HeldData> {
    const key = residentKey(subject);
    const cases = await this.store.models.cases.find({ residentKey: key }).lean();
    const caseRecords = await Promise.all(cases.map(async (doc) => ({
      case: doc.reference, status: doc.status, reason: doc.reason, language: doc.language, createdAt: doc.createdAt, closedAt: doc.closedAt,
      resolution: doc.resolution, csat: doc.csat, labels: doc.labels, answers: doc.context.answers, transcript: doc.context.transcript,
      messages: (await this.store.messages(doc._id)).map(({ from, text, at }) => ({ from, text, at })),
    })));
    const notes = (await this.store.notesOf(key)).map(({ text, at }) => ({ note: text, at }));
    const turns = (await this.turns.ofResident(key)).map((line) => ({ ...line }));
    return { holder: this.name, label: 'case.privacy_label', records: [...turns, ...caseRecords, ...notes] };
  }

  async erase(subject: DataSubject): Promise<ErasureResult> {
    const key = residentKey(subject);
    const { models } = this.store;
    const ids = (await models.cases.find({ residentKey: key }, { _id: 1 }).lean()).map((d) => d._id);
    const counts = await Promise.all([
      this.turns.erase(key),
      models.messages.deleteMany({ caseId: { $in: ids } }).then((r) => r.deletedCount),
      models.notes.deleteMany({ residentKey: key }).then((r) => r.deletedCount),
      models.transitions.deleteMany({ caseId: { $in: ids } }).then(() => 0),
      models.cases.deleteMany({ _id: { $in: ids } }).then((r) => r.deletedCount),
      this.store.latest.erase(key).then(() => 0),
    ]);
    return { holder: this.name, erased: counts.reduce((a, b) => a + b, 0), keptBecause: [] };
  }

  async purge(before: Date): Promise<number> {
    const { models } = this.store;
    const counts = await Promise.all([
      this.turns.purge(before),
      models.messages.deleteMany({ at: { $lt: before } }).then((r) => r.deletedCount),
      models.notes.deleteMany({ at: { $lt: before } }).then((r) => r.deletedCount),
      models.cases.updateMany({ closedAt: { $lt: before }, 'context.transcript.0': { $exists: true } }, { $set: { 'context.transcript': [], 'context.answers': [] } }).then((r) => r.modifiedCount),
    ]);
    return counts.reduce((a, b) => a + b, 0);
  }
}
