import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { TeamsInfo, TurnContext } from 'botbuilder';
import { errorCodeOf } from '../../../core/errors';
import type { TextValues, Translator } from '../../../core/i18n/translator';
import type { Logger } from '../../../core/logger';
import type { CaseService } from '../../../domain/handoff/case-service';
import type { CaseStore } from '../../../domain/handoff/case-store';
import type { AuditLog } from '../../../staff/audit';
import type { StaffDirectory, StaffPrincipal } from '../../../staff/staff-types';
import type { ConversationReferenceStore } from '../conversation-references';
import type { CaseAlerts } from './case-alerts';
import { VERBS } from './case-card';

/** What the staff app works with: the handoff feature's case service, the directory and the alerts. */
export interface StaffAppOptions {
  adapter: TeamsAdapter;
  appId: string;
  references: ConversationReferenceStore;
  alerts: CaseAlerts;
  cases: CaseService;
  store: CaseStore;
  directory: StaffDirectory;
  audit: AuditLog;
  translator: Translator;
  clock: () => Date;
  log: Logger;
}

/** What a card's Action.Submit sends: its verb and case, plus the card's inputs. */
interface CardData {
  verb: string;
  caseId?: string;
  text?: string;
  resolution?: string;
}

type Work = (staff: StaffPrincipal, caseId: string, data: CardData) => Promise<{ key: string; values?: TextValues }>;

/** A channel thread's conversation id ("19:…@thread.tacv2;messageid=…") without the thread part. */
export const channelOf = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

/**
 * The staff app on @microsoft/teams-ai: remembers where it was added (to post alerts there later),
 * and handles the case cards' buttons (Action.Submit arrives as a message with `value`). A Teams user
 * acts as the staff account with the same e-mail address; everything else goes through the case
 * service, so a claim from Teams and one from the dashboard race safely.
 */
export function createStaffApp(options: StaffAppOptions): Application<TurnState> {
  const app = new Application<TurnState>({ adapter: options.adapter, botAppId: options.appId, startTypingTimer: false, removeRecipientMention: true });
  const t = (key: string, values?: TextValues): string => options.translator.t('nl', key, values);

  app.turn('beforeTurn', async (context) => {
    const channel = channelOf(context.activity.conversation.id);
    const reference = TurnContext.getConversationReference(context.activity);
    await options.references.save(channel, { ...reference, conversation: { ...context.activity.conversation, id: channel } }, options.clock());
    return true;
  });

  const staffOf = async (context: TurnContext): Promise<StaffPrincipal | null> => {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    const email = (member.email ?? member.userPrincipalName ?? '').toLowerCase();
    return (await options.directory.list()).find((staff) => staff.email.toLowerCase() === email) ?? null;
  };

  /** Runs one card action as the staff member who pressed it and answers in the card's thread. */
  const act = (work: Work) => async (context: TurnContext, _state: TurnState, data: CardData): Promise<void> => {
    const staff = await staffOf(context);
    if (!staff) return void (await context.sendActivity(t('teams_staff.answer.not_staff')));
    if (!data.caseId) return void (await context.sendActivity(t('teams_staff.answer.failed')));
    try {
      const answer = await work(staff, data.caseId, data);
      await context.sendActivity(t(answer.key, answer.values));
    } catch (error) {
      await context.sendActivity(await failureText(data.caseId, error));
    }
  };

  const failureText = async (caseId: string, error: unknown): Promise<string> => {
    const code = errorCodeOf(error);
    if (code === 'FORBIDDEN') return t('teams_staff.answer.forbidden');
    if (code === 'CONFLICT') {
      // Lost a race or acted on a stale card: draw the card as it is now, and say who has the case.
      await options.alerts.redraw(caseId);
      const doc = await options.store.get(caseId);
      return doc.assignee ? t('teams_staff.answer.taken_already', { email: doc.assignee.email }) : t('teams_staff.answer.not_open');
    }
    options.log.error({ code }, 'Teams staff action failed');
    return t('teams_staff.answer.failed');
  };

  app.adaptiveCards.actionSubmit<CardData>(VERBS.claim, act(async (staff, caseId) => {
    const doc = await options.cases.claim(caseId, staff);
    return { key: 'teams_staff.answer.claimed', values: { reference: doc.reference } };
  }));
  app.adaptiveCards.actionSubmit<CardData>(VERBS.reply, act(async (staff, caseId, data) => {
    const text = data.text?.trim();
    if (!text) return { key: 'teams_staff.answer.empty' };
    await options.cases.reply(caseId, staff, { text });
    await options.alerts.redraw(caseId);
    return { key: 'teams_staff.answer.replied' };
  }));
  app.adaptiveCards.actionSubmit<CardData>(VERBS.note, act(async (staff, caseId, data) => {
    const text = data.text?.trim();
    if (!text) return { key: 'teams_staff.answer.empty' };
    const doc = await options.store.get(caseId);
    const at = options.clock();
    await options.store.addNote({ caseId: doc._id, residentKey: doc.residentKey, staffId: staff.id, text, at });
    await options.audit.record({ actor: staff.id, action: 'case.note', subject: `case:${doc._id}`, details: { via: 'teams' }, at });
    await options.alerts.redraw(caseId);
    return { key: 'teams_staff.answer.noted' };
  }));
  app.adaptiveCards.actionSubmit<CardData>(VERBS.resolve, act(async (staff, caseId, data) => {
    if (!data.resolution) return { key: 'teams_staff.input.resolution' };
    const doc = await options.cases.resolve(caseId, staff, data.resolution);
    return { key: 'teams_staff.answer.resolved', values: { reference: doc.reference } };
  }));
  return app;
}
