import type { Attachment } from 'botbuilder';
import type { Translator } from '../../../core/i18n/translator';
import type { CaseDoc } from '../../../domain/handoff/case-model';

/** The card's verbs: Action.Submit sends them back as `value.verb` (teams-ai routes on it). */
export const VERBS = { claim: 'case_claim', reply: 'case_reply', note: 'case_note', resolve: 'case_resolve' } as const;

/** What the card shows besides the case itself. */
export interface CaseCardOptions {
  translator: Translator;
  now: Date;
  /** Resolution codes staff may pick (content/handoff.yaml). */
  resolutions: readonly string[];
  /** The dashboard page of the case, when PUBLIC_URL is configured. */
  dashboardUrl?: string;
  /** True for a re-alert: the title says the case is still waiting. */
  realert?: boolean;
}

type CardElement = Record<string, unknown>;

const SUMMARY_LINES = 3;
const SUMMARY_CHARS = 200;

/** The resident's last lines before the case opened: the context staff read first. */
function summaryOf(doc: CaseDoc): string[] {
  return doc.context.transcript
    .filter((line) => line.from === 'resident')
    .slice(-SUMMARY_LINES)
    .map((line) => (line.text.length > SUMMARY_CHARS ? `${line.text.slice(0, SUMMARY_CHARS - 1)}…` : line.text));
}

/** A resident's words as a TextRun: unlike a TextBlock it parses no markdown, so a message cannot inject links. */
const residentLine = (text: string): CardElement => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, isSubtle: true }] });

function facts(doc: CaseDoc, options: CaseCardOptions): CardElement {
  const t = (key: string, values?: Record<string, string | number>): string => options.translator.t('nl', key, values);
  const minutes = Math.max(0, Math.floor((options.now.getTime() - doc.createdAt.getTime()) / 60_000));
  return {
    type: 'FactSet',
    facts: [
      { title: t('staff.case.reference'), value: doc.reference },
      { title: t('staff.case.status'), value: t(`staff.status.${doc.status}`) },
      { title: t('staff.case.language'), value: t(`language.name.${doc.language}`) },
      { title: t('staff.case.reason'), value: options.translator.has('nl', `staff.reason.${doc.reason}`) ? t(`staff.reason.${doc.reason}`) : doc.reason },
      { title: t('staff.case.created'), value: t('teams_staff.waiting.minutes', { count: minutes }) },
      { title: t('staff.case.assignee'), value: doc.assignee ? t('teams_staff.taken_by', { email: doc.assignee.email }) : t('teams_staff.nobody') },
    ],
  };
}

/** The work area of a case someone holds: one message field, reply / note, and resolve with a code. */
function assignedParts(doc: CaseDoc, options: CaseCardOptions): { body: CardElement[]; actions: CardElement[] } {
  const t = (key: string): string => options.translator.t('nl', key);
  const data = (verb: string): CardElement => ({ verb, caseId: doc._id });
  return {
    body: [
      { type: 'Input.Text', id: 'text', label: t('teams_staff.input.text_label'), placeholder: t('teams_staff.input.text'), isMultiline: true, maxLength: 2000 },
      { type: 'Input.ChoiceSet', id: 'resolution', style: 'compact', placeholder: t('teams_staff.input.resolution'), choices: options.resolutions.map((r) => ({ title: t(`staff.resolution.${r}`), value: r })) },
    ],
    actions: [
      { type: 'Action.Submit', title: t('teams_staff.action.send'), data: data(VERBS.reply) },
      { type: 'Action.Submit', title: t('teams_staff.action.note'), data: data(VERBS.note) },
      { type: 'Action.Submit', title: t('teams_staff.action.resolve'), data: data(VERBS.resolve) },
    ],
  };
}

function titleKey(doc: CaseDoc, options: CaseCardOptions): string {
  if (doc.status !== 'waiting') return 'staff.case.title';
  return options.realert ? 'teams_staff.title.realert' : 'teams_staff.title.waiting';
}

/**
 * The Adaptive Card of a case in the staff channel, in Dutch (the staff's language): language,
 * reason, waiting time, who has it and the resident's last messages, with Claim while it waits,
 * reply / note / resolve while it is held, and always a link to the dashboard.
 */
export function caseCard(doc: CaseDoc, options: CaseCardOptions): Attachment {
  const t = (key: string): string => options.translator.t('nl', key);
  const summary = summaryOf(doc);
  const work = doc.status === 'assigned' ? assignedParts(doc, options) : { body: [], actions: [] };
  const claim = doc.status === 'waiting' ? [{ type: 'Action.Submit', title: t('teams_staff.action.claim'), data: { verb: VERBS.claim, caseId: doc._id } }] : [];
  const open = options.dashboardUrl ? [{ type: 'Action.OpenUrl', title: t('teams_staff.action.open'), url: options.dashboardUrl }] : [];
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5',
      body: [
        { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: t(titleKey(doc, options)) },
        facts(doc, options),
        ...(summary.length > 0 ? [{ type: 'TextBlock', weight: 'Bolder', text: t('teams_staff.summary'), wrap: true }, ...summary.map(residentLine)] : []),
        ...work.body,
      ],
      actions: [...claim, ...work.actions, ...open],
    },
  };
}
