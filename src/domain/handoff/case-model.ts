import { Schema, type Connection, type Model } from 'mongoose';
import type { ConversationAddress } from '../../core/messages';
import type { Language } from '../../core/languages';
import type { Answer } from '../../core/state';
import { CASE_STATUSES, type CaseAction, type CaseStatus } from './case-machine';

/** One line of a transcript: who said it and when (the text stays in MongoDB, never in logs). */
export interface TranscriptLine {
  from: 'resident' | 'bot' | 'staff' | 'system';
  text: string;
  at: Date;
  /** The staff member, for staff lines. */
  staffId?: string;
  /** The template a staff reply used, if any. */
  templateId?: string;
}

/** The answers of one flow frame when the case opened: what the resident already told the bot. */
export interface CollectedAnswers {
  flow: string;
  step: string;
  answers: Record<string, Answer>;
}

/** A record of another feature the case is about (a loan application, a donation). */
export interface CaseLink {
  type: string;
  id: string;
}

/** Everything staff need to pick a conversation up without asking again. */
export interface ContextPack {
  answers: CollectedAnswers[];
  transcript: TranscriptLine[];
  links: CaseLink[];
  /** The sensitive topic that opened the case, if any. */
  topic?: string;
}

/** The staff member who holds an assigned case, and the place of their cap it takes. */
export interface Assignee {
  id: string;
  email: string;
  place: string;
}

/** A handoff case as stored. `version` counts transitions; only the winner of version v+1 updates it. */
export interface CaseDoc {
  _id: string;
  reference: string;
  status: CaseStatus;
  version: number;
  conversationKey: string;
  /** The resident across cases (channel + user), for notes and labels kept between cases. */
  residentKey: string;
  address: ConversationAddress;
  language: Language;
  reason: string;
  priority: number;
  context: ContextPack;
  /** Null when nobody holds the case (waiting, or closed). */
  assignee?: Assignee | null;
  labels: string[];
  acknowledged: boolean;
  createdAt: Date;
  claimedAt?: Date;
  firstResponseAt?: Date;
  closedAt?: Date;
  resolution?: string;
  firstResponseDue: Date;
  resolutionDue: Date;
  lastAlertAt: Date;
  alertCount: number;
  csat?: number;
  csatAskedAt?: Date;
  /** True from closing until the resident scores or says something else. */
  csatOpen?: boolean;
}

/** One transition as recorded: the unique (caseId, version) decides races and doubles as the audit trail. */
export interface TransitionDoc {
  _id: string;
  caseId: string;
  version: number;
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  who: string;
  why?: string;
  at: Date;
  /** The case fields this transition sets, so a half-done transition can be rolled forward. */
  set: Record<string, unknown>;
}

/** A message of a case after it opened (resident, staff or system), with its order. */
export interface CaseMessageDoc extends TranscriptLine {
  _id: string;
  caseId: string;
  /** Wall-clock order of writing, which keeps messages in order when the (injected) clock stands still. */
  order: number;
}

/** An internal note; kept by resident, so it shows on their later cases too. */
export interface CaseNoteDoc {
  _id: string;
  caseId: string;
  residentKey: string;
  staffId: string;
  text: string;
  at: Date;
}

const caseSchema = new Schema<CaseDoc>({
  _id: { type: String, required: true },
  reference: { type: String, required: true, unique: true },
  status: { type: String, enum: CASE_STATUSES, required: true },
  version: { type: Number, required: true },
  conversationKey: { type: String, required: true },
  residentKey: { type: String, required: true },
  address: { type: Schema.Types.Mixed, required: true },
  language: { type: String, required: true },
  reason: { type: String, required: true },
  priority: { type: Number, required: true },
  context: { type: Schema.Types.Mixed, required: true },
  assignee: { type: Schema.Types.Mixed },
  labels: { type: [String], default: [] },
  acknowledged: { type: Boolean, default: false },
  createdAt: { type: Date, required: true },
  claimedAt: Date,
  firstResponseAt: Date,
  closedAt: Date,
  resolution: String,
  firstResponseDue: { type: Date, required: true },
  resolutionDue: { type: Date, required: true },
  lastAlertAt: { type: Date, required: true },
  alertCount: { type: Number, required: true },
  csat: Number,
  csatAskedAt: Date,
  csatOpen: Boolean,
}, { collection: 'handoff_cases', versionKey: false, minimize: false });
caseSchema.index({ status: 1, priority: -1, createdAt: 1 });
caseSchema.index({ conversationKey: 1, createdAt: -1 });
caseSchema.index({ residentKey: 1, createdAt: -1 });

const transitionSchema = new Schema<TransitionDoc>({
  _id: { type: String, required: true },
  caseId: { type: String, required: true },
  version: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String, required: true },
  to: { type: String, required: true },
  who: { type: String, required: true },
  why: String,
  at: { type: Date, required: true },
  set: { type: Schema.Types.Mixed, default: {} },
}, { collection: 'handoff_transitions', versionKey: false, minimize: false });
transitionSchema.index({ caseId: 1, version: 1 }, { unique: true });

const messageSchema = new Schema<CaseMessageDoc>({
  _id: { type: String, required: true },
  caseId: { type: String, required: true },
  from: { type: String, required: true },
  text: { type: String, required: true },
  at: { type: Date, required: true },
  staffId: String,
  templateId: String,
  order: { type: Number, required: true },
}, { collection: 'handoff_messages', versionKey: false });
messageSchema.index({ caseId: 1, at: 1, order: 1 });

const noteSchema = new Schema<CaseNoteDoc>({
  _id: { type: String, required: true },
  caseId: { type: String, required: true },
  residentKey: { type: String, required: true },
  staffId: { type: String, required: true },
  text: { type: String, required: true },
  at: { type: Date, required: true },
}, { collection: 'handoff_notes', versionKey: false });
noteSchema.index({ residentKey: 1, at: 1 });

/** The four handoff models on one connection (defined once; the composition root builds their indexes). */
export interface HandoffModels {
  cases: Model<CaseDoc>;
  transitions: Model<TransitionDoc>;
  messages: Model<CaseMessageDoc>;
  notes: Model<CaseNoteDoc>;
}

/** Defines (or reuses) the handoff models on a connection. */
export function handoffModels(connection: Connection): HandoffModels {
  return {
    cases: connection.models.HandoffCase ?? connection.model<CaseDoc>('HandoffCase', caseSchema),
    transitions: connection.models.HandoffTransition ?? connection.model<TransitionDoc>('HandoffTransition', transitionSchema),
    messages: connection.models.HandoffMessage ?? connection.model<CaseMessageDoc>('HandoffMessage', messageSchema),
    notes: connection.models.HandoffNote ?? connection.model<CaseNoteDoc>('HandoffNote', noteSchema),
  };
}

/** A strictly increasing number per process, close to wall-clock milliseconds across processes. */
export function writeOrder(): number {
  const now = performance.timeOrigin + performance.now();
  lastOrder = now > lastOrder ? now : lastOrder + 0.001;
  return lastOrder;
}
let lastOrder = 0;
