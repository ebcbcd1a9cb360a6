// The Digipunt Aalst web chat: one conversation per browser tab, kept across reloads in sessionStorage.
import { listenForMessages, sendMessage, startConversation } from './webchat-api.js';
import { appendToLog, renderBotMessage, renderNote, renderOwnMessage, retireChoices, setConversationLanguage, showStatus } from './webchat-view.js';

const STORAGE_KEY = 'digipunt-webchat';
const LANGUAGES = ['nl', 'fr', 'en', 'tr', 'ar', 'uk'];

const byId = (id) => document.getElementById(id);
const ui = { chat: byId('chat'), log: byId('log'), form: byId('composer'), input: byId('chat-input'), select: byId('language'), status: byId('status'), busy: byId('busy') };

const state = { session: null, starting: null, busy: false, pending: null, seen: new Set(), stopEvents: null };

function loadSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string') return saved;
  } catch {
    // No storage (private mode) or a damaged entry: start a new conversation.
  }
  return null;
}

function saveSession() {
  try {
    if (state.session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state.session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Without storage a reload starts a new conversation; the chat itself still works.
  }
}

/** A messageId the server accepts; crypto.randomUUID exists only on https and localhost. */
function newMessageId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function applyLanguage(lang, dir) {
  if (!LANGUAGES.includes(lang)) return;
  setConversationLanguage([ui.chat, ui.log], lang, dir);
  ui.select.value = lang;
  if (state.session) {
    Object.assign(state.session, { language: lang, dir });
    saveSession();
  }
}

/** Shows the assistant's messages once each; a turn's last message sets the conversation's language. */
function showMessages(messages, options = {}) {
  const fresh = messages.filter((message) => !state.seen.has(message.id));
  fresh.forEach((message) => state.seen.add(message.id));
  appendToLog(ui.log, [...(options.before ?? []), ...fresh.map((message) => renderBotMessage(message, onChoice))]);
  const last = messages[messages.length - 1];
  if (options.fromTurn && last) applyLanguage(last.lang, last.dir);
}

function listen() {
  state.stopEvents?.();
  const session = state.session;
  state.stopEvents = listenForMessages(session, session.after ?? 0, (message, seq) => {
    if (state.session !== session) return;
    session.after = seq;
    saveSession();
    showMessages([message]);
  });
}

function ensureSession() {
  if (state.session) return Promise.resolve(state.session);
  state.starting ??= startConversation()
    .then((created) => {
      state.session = { conversationId: created.conversationId, token: created.token, language: 'nl', dir: 'ltr', after: 0 };
      saveSession();
      showMessages(created.messages, { fromTurn: true });
      listen();
      return state.session;
    })
    .finally(() => {
      state.starting = null;
    });
  return state.starting;
}

function setBusy(busy) {
  state.busy = busy;
  ui.busy.hidden = !busy;
}

function forgetSession() {
  state.stopEvents?.();
  state.stopEvents = null;
  state.session = null;
  state.pending = null;
  saveSession();
}

/** One turn: sends once (retries reuse the messageId), and on failure leaves the typed text alone. */
async function runTurn(body, ownText) {
  if (state.busy) return false;
  setBusy(true);
  const key = JSON.stringify(body);
  if (state.pending?.key !== key) state.pending = { key, messageId: newMessageId() };
  try {
    const session = await ensureSession();
    const reply = await sendMessage(session, body, state.pending.messageId);
    state.pending = null;
    showStatus(ui.status);
    retireChoices(ui.log);
    showMessages(reply.messages, { fromTurn: true, before: ownText ? [renderOwnMessage(ownText)] : [] });
    return true;
  } catch (error) {
    if (error?.kind === 'gone') {
      forgetSession();
      appendToLog(ui.log, [renderNote('restarted')]);
      await ensureSession().catch(() => showStatus(ui.status, 'offline'));
    } else {
      if (error?.kind === 'failed') state.pending = null;
      showStatus(ui.status, error?.kind === 'failed' ? 'failed' : 'offline');
    }
    return false;
  } finally {
    setBusy(false);
  }
}

function onChoice(choice, event) {
  const fromKeyboard = event.detail === 0;
  void runTurn({ choice: choice.id }, choice.label).then(() => {
    if (fromKeyboard) ui.input.focus();
  });
}

ui.form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = ui.input.value.trim();
  if (!text) {
    ui.input.focus();
    return;
  }
  const sent = await runTurn({ text }, text);
  if (sent && ui.input.value.trim() === text) ui.input.value = '';
  ui.input.focus();
});

ui.select.addEventListener('change', async () => {
  const sent = await runTurn({ language: ui.select.value });
  if (!sent) ui.select.value = state.session?.language ?? 'nl';
});

function start() {
  if (state.busy) return;
  setBusy(true);
  ensureSession()
    .then(() => showStatus(ui.status))
    .catch(() => showStatus(ui.status, 'offline'))
    .finally(() => setBusy(false));
}

const saved = loadSession();
if (saved) {
  state.session = saved;
  applyLanguage(saved.language ?? 'nl', saved.dir);
  appendToLog(ui.log, [renderNote('restored')]);
  listen();
} else {
  start();
}
window.addEventListener('online', () => {
  if (!state.session) start();
});
