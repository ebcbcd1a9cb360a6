/** What a resident sends in one turn: typed text or a tapped button, as the web chat API takes it. */
export interface ResidentMessage {
  text?: string;
  choice?: string;
}

/** One turn of a scripted conversation and the buttons the assistant must show after it. */
export interface ScriptedTurn {
  send: ResidentMessage;
  /** The choice ids of the last reply that has buttons; a different answer fails the conversation. */
  expectChoices: string[];
  /** Only require these ids among the buttons (choices computed from staff data, like training sessions). */
  someOf?: true;
}

/** A complete conversation a simulated resident holds, from opening the chat to the last answer. */
export interface DialogScript {
  name: string;
  /** Which flows it goes through, for the results file. */
  description: string;
  /** Buttons after opening the chat (the welcome ends with the menu). */
  openChoices: string[];
  turns: ScriptedTurn[];
}

const MENU = ['loan', 'donate', 'questions', 'person', 'language'];
const FAQ = ['hours', 'location', 'donate_what', 'training', 'contact'];
const ANYTHING_ELSE = ['menu', 'person', 'done'];
const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'];

/**
 * The FAQ and menu path: numbers, a button and two typed questions that go through the NLU, the
 * way residents mix them (test/transcripts/nl/faq.yaml checks the same path turn by turn).
 */
export const FAQ_AND_MENU: DialogScript = {
  name: 'faq-and-menu',
  description: 'open (welcome + menu) → "3" (FAQ) → button hours → "1" (menu) → "Waar is het digipunt?" (NLU) → "wanneer zijn jullie open?" (NLU) → button done (goodbye)',
  openChoices: MENU,
  turns: [
    { send: { text: '3' }, expectChoices: FAQ },
    { send: { choice: 'hours' }, expectChoices: ANYTHING_ELSE },
    { send: { text: '1' }, expectChoices: MENU },
    { send: { text: 'Waar is het digipunt?' }, expectChoices: ANYTHING_ELSE },
    { send: { text: 'wanneer zijn jullie open?' }, expectChoices: ANYTHING_ELSE },
    { send: { choice: 'done' }, expectChoices: [] },
  ],
};

/**
 * The laptop loan from the menu to a sent application (test/transcripts/nl/loan-apply.yaml walks the
 * same path): the eligibility pre-screen, the application's questions with typed name, address and
 * phone, its summary, "send" (a DA-reference is taken) and goodbye.
 */
export const LOAN_APPLICATION: DialogScript = {
  name: 'loan-application',
  description: 'open → "1" (loan) → postcode "9300" → support "1" → button no (not borrowing) → "ja" (training) → "1" (apply) → name → street → phone → button skip (e-mail) → "1" (Dutch) → "2" (Chromebook) → button later (training) → "1" (send: reference) → button done',
  openChoices: MENU,
  turns: [
    { send: { text: '1' }, expectChoices: ['skip'] },
    { send: { text: '9300' }, expectChoices: YES_NO_UNKNOWN },
    { send: { text: '1' }, expectChoices: YES_NO_UNKNOWN },
    { send: { choice: 'no' }, expectChoices: YES_NO_UNKNOWN },
    { send: { text: 'ja' }, expectChoices: ['apply', 'later', 'person'] },
    { send: { text: '1' }, expectChoices: [] },
    { send: { text: 'Fatima El Amrani' }, expectChoices: [] },
    { send: { text: 'Kerkstraat 12' }, expectChoices: [] },
    { send: { text: '0470 12 34 56' }, expectChoices: ['skip'] },
    { send: { choice: 'skip' }, expectChoices: ['nl', 'fr', 'en', 'tr', 'ar', 'uk'] },
    { send: { text: '1' }, expectChoices: ['laptop', 'chromebook', 'either'] },
    { send: { text: '2' }, expectChoices: ['later'], someOf: true },
    { send: { choice: 'later' }, expectChoices: ['send', 'name', 'street', 'postcode', 'phone', 'email', 'language', 'device', 'training', 'stop'] },
    { send: { text: '1' }, expectChoices: ANYTHING_ELSE },
    { send: { choice: 'done' }, expectChoices: [] },
  ],
};

/** The dialogs `npm run bench -- --dialog <name>` can drive; the first is the default. */
export const DIALOG_SCRIPTS: readonly DialogScript[] = [LOAN_APPLICATION, FAQ_AND_MENU];
