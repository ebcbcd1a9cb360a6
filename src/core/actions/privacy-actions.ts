import type { ActionRegistry } from '../dialog/actions';
import { subjectOf, type PrivacyRegistry } from '../privacy';

/** Registers "what do you keep about me?" and "delete my data" for the privacy dialog. */
export function registerPrivacyActions(registry: ActionRegistry, privacy: PrivacyRegistry): ActionRegistry {
  registry.register('privacy_summary', async ({ address, say, renderer }) => {
    const held = (await privacy.export(subjectOf(address))).filter((h) => h.records.length > 0);
    const lines = held.map((h) => `• ${renderer.text(h.label, { count: h.records.length })}`);
    say(held.length > 0 ? 'privacy.summary' : 'privacy.summary_none', { list: lines.join('\n') });
    return { outcome: held.length > 0 ? 'some' : 'none' };
  });
  registry.register('privacy_erase', async ({ address, now, say, forgetConversation }) => {
    const results = await privacy.erase(subjectOf(address), now);
    const reasons = [...new Set(results.flatMap((r) => r.keptBecause))];
    say('privacy.erased');
    reasons.forEach((key) => say(key));
    forgetConversation();
    return { outcome: 'erased' };
  });
  return registry;
}
