import type { MessageRenderer } from '../../../core/dialog/renderer';
import type { Language } from '../../../core/languages';
import { formatMoment } from '../format';
import type { TrainingSession } from '../loans-content';

/** How a session is shown as a choice: its moment in the resident's words, the place, and the trainer's language by its own name. */
export function sessionLabel(session: TrainingSession, language: Language, renderer: MessageRenderer): string {
  return `${formatMoment(session.start, language)} · ${session.place} · ${renderer.text(language, `language.name.${session.language}`)}`;
}
