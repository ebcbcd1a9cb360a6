import type { Activity, Attachment } from 'botbuilder';
import type { OutgoingMessage } from '../../../core/messages';

/** Up to this many choices are buttons; more become a drop-down (Teams shows few card buttons). */
const MAX_BUTTONS = 6;

/** Texts the card needs that the message does not carry (the drop-down's button). */
export interface CardTexts {
  choose: string;
}

type CardElement = Record<string, unknown>;

function choiceElements(message: OutgoingMessage, texts: CardTexts): { body: CardElement[]; actions: CardElement[] } {
  const choices = message.choices ?? [];
  if (choices.length <= MAX_BUTTONS) {
    return { body: [], actions: choices.map((choice) => ({ type: 'Action.Submit', title: choice.label, data: { choiceId: choice.id } })) };
  }
  return {
    body: [{ type: 'Input.ChoiceSet', id: 'choiceId', style: 'compact', isRequired: true, choices: choices.map((c) => ({ title: c.label, value: c.id })) }],
    actions: [{ type: 'Action.Submit', title: texts.choose }],
  };
}

/** The Adaptive Card of a message with choices or links: the text, then one button per choice. */
export function adaptiveCard(message: OutgoingMessage, texts: CardTexts): Attachment {
  const { body, actions } = choiceElements(message, texts);
  const links = (message.links ?? []).map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url }));
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5',
      ...(message.direction === 'rtl' ? { rtl: true } : {}),
      body: [{ type: 'TextBlock', text: message.text, wrap: true }, ...body],
      actions: [...actions, ...links],
    },
  };
}

/** Renders a message for Teams: plain text, or an Adaptive Card when it has choices or links. */
export function toTeamsActivity(message: OutgoingMessage, texts: CardTexts): Partial<Activity> {
  const plain = (message.choices ?? []).length === 0 && (message.links ?? []).length === 0;
  return plain
    ? { type: 'message', text: message.text, textFormat: 'plain', locale: message.language }
    : { type: 'message', locale: message.language, attachments: [adaptiveCard(message, texts)] };
}
