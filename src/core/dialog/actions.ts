import type { ConversationAddress } from '../messages';
import type { Language } from '../languages';
import type { Answer, ConversationState } from '../state';
import type { TextValues } from '../i18n/translator';

/** What an action may read and do: the answers so far, the resident's address, and saying texts. */
export interface ActionContext {
  params: Record<string, string | number | boolean>;
  answers: Record<string, Answer>;
  state: ConversationState;
  address: ConversationAddress;
  /** Contact details the channel gave (the WhatsApp number), to offer for confirmation, never to use unasked. */
  contact?: { phone?: string };
  language: Language;
  now: Date;
  say(key: string, values?: TextValues): void;
  /** Renders a text in the resident's language, for lists an action builds (e.g. a data summary). */
  renderer: { text(key: string, values?: TextValues): string };
  /** Ends the conversation without saving it again (after "delete my data"). */
  forgetConversation(): void;
}

/** What an action returns: an outcome that the step's `on` map branches on, and values to save. */
export interface ActionResult {
  outcome?: string;
  values?: Record<string, Answer>;
}

/** A typed function that touches the world (submit, reserve, open a case), registered by name. */
export type DialogAction = (context: ActionContext) => Promise<ActionResult>;

/** Computes the choices of a question when it is asked; labels already in the resident's language. */
export type ChoiceProvider = (context: ActionContext) => Promise<Array<{ id: string; label: string }>>;

/** The name → action map that dialogs refer to; filled by the composition root. */
export class ActionRegistry {
  private readonly actions = new Map<string, DialogAction>();
  private readonly providers = new Map<string, ChoiceProvider>();

  registerChoices(name: string, provider: ChoiceProvider): this {
    if (this.providers.has(name)) throw new Error(`choice provider "${name}" is registered twice`);
    this.providers.set(name, provider);
    return this;
  }

  hasChoices(name: string): boolean {
    return this.providers.has(name);
  }

  choices(name: string): ChoiceProvider {
    const provider = this.providers.get(name);
    if (!provider) throw new Error(`choice provider "${name}" is not registered`);
    return provider;
  }

  register(name: string, action: DialogAction): this {
    if (this.actions.has(name)) throw new Error(`action "${name}" is registered twice`);
    this.actions.set(name, action);
    return this;
  }

  has(name: string): boolean {
    return this.actions.has(name);
  }

  get(name: string): DialogAction {
    const action = this.actions.get(name);
    if (!action) throw new Error(`action "${name}" is not registered`);
    return action;
  }
}
