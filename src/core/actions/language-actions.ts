import { isLanguage } from '../languages';
import type { ActionRegistry } from '../dialog/actions';

/** Registers the actions the core's own flows use (language switching). */
export function registerCoreActions(registry: ActionRegistry): ActionRegistry {
  return registry.register('set_language', async ({ params, answers, state }) => {
    const chosen = answers[String(params.from ?? 'language')];
    if (!isLanguage(chosen)) return { outcome: 'unchanged' };
    state.language = chosen;
    return { outcome: 'changed' };
  });
}
