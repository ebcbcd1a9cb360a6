import type { ActionContext, ActionRegistry, DialogAction } from '../../core/dialog/actions';
import type { ChannelRegistry } from '../../channels/channel';
import type { BusinessHours } from './business-hours';
import type { CaseIntake } from './case-intake';
import type { CaseLink } from './case-model';
import { openingTexts } from './case-texts';

/**
 * Links from the flow's answers: `link_type` names the record kind ("loan", "donation") and
 * `link_answer` the saved answer that holds its id; the newest frame holding that answer wins.
 */
function linksOf(ctx: ActionContext): CaseLink[] {
  const type = ctx.params.link_type;
  const answer = ctx.params.link_answer;
  if (typeof type !== 'string' || typeof answer !== 'string') return [];
  const frames = [{ answers: ctx.answers }, ...[...ctx.state.stack].reverse()];
  const value = frames.map((f) => f.answers[answer]).find((v) => typeof v === 'string' || typeof v === 'number');
  return value === undefined || value === null ? [] : [{ type, id: String(value) }];
}

/**
 * The `open_case` dialog action other flows call: params `{ reason: <code from content/handoff.yaml>,
 * link_type?, link_answer? }`. Outcomes: opened, already_open, or unavailable (the channel cannot
 * receive staff replies, so the flow gives contact details instead).
 */
export function openCaseAction(intake: CaseIntake, channels: ChannelRegistry, hours: BusinessHours): DialogAction {
  return async (ctx) => {
    if (!channels.all().some((adapter) => adapter.channel === ctx.address.channel)) return { outcome: 'unavailable' };
    const reason = typeof ctx.params.reason === 'string' ? ctx.params.reason : 'resident_request';
    const { doc, created } = await intake.open({ address: ctx.address, language: ctx.language, reason, state: ctx.state, links: linksOf(ctx), now: ctx.now });
    if (!created) {
      ctx.say('case.already_open');
      return { outcome: 'already_open' };
    }
    for (const text of openingTexts(hours, ctx.language, ctx.now, doc.reference)) ctx.say(text.key, text.values);
    return { outcome: 'opened' };
  };
}

/** Registers the handoff actions. */
export function registerHandoffActions(actions: ActionRegistry, open: DialogAction): void {
  actions.register('open_case', open);
}
