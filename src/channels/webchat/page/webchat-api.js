// The web chat HTTP API as the page uses it: same origin only, so no text ever leaves for a third party.

const BASE = '/api/webchat/conversations';
const TIMEOUT_MS = 20000;
const RETRY_DELAYS_MS = [1000, 3000];

/** Why a request failed: 'offline' (network or server down), 'gone' (unknown conversation or token) or 'failed'. */
export class ApiError extends Error {
  constructor(kind, status) {
    super(`web chat request failed: ${kind} ${status ?? ''}`.trim());
    this.kind = kind;
    this.status = status;
  }
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function request(url, init) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, { ...init, signal: abort.signal, cache: 'no-store', credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ApiError('offline');
  } finally {
    clearTimeout(timer);
  }
  if (response.ok) return response.json();
  if (response.status === 401 || response.status === 404) throw new ApiError('gone', response.status);
  if (response.status >= 500 || response.status === 429) throw new ApiError('offline', response.status);
  throw new ApiError('failed', response.status);
}

/** Tries again after a network failure; safe because every retry carries the same messageId. */
async function withRetries(run) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!(error instanceof ApiError) || error.kind !== 'offline' || delay === undefined) throw error;
      await wait(delay);
    }
  }
}

/** Starts a conversation: resolves to {conversationId, token, messages}. */
export function startConversation(language) {
  const body = language ? { language } : {};
  return withRetries(() => request(BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

/** Sends {text} or {choice} or {language} with a client-made messageId; resolves to {messages}. */
export function sendMessage(session, body, messageId) {
  const url = `${BASE}/${encodeURIComponent(session.conversationId)}/messages`;
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ ...body, messageId }),
  };
  return withRetries(() => request(url, init));
}

/**
 * Listens for later messages (staff replies). EventSource reconnects by itself with Last-Event-ID;
 * when the server refuses the stream, it tries again later from the last event it saw.
 */
export function listenForMessages(session, after, onMessage) {
  let source;
  let timer;
  let last = after;
  const open = () => {
    const query = `token=${encodeURIComponent(session.token)}&after=${encodeURIComponent(String(last))}`;
    source = new EventSource(`${BASE}/${encodeURIComponent(session.conversationId)}/events?${query}`);
    source.addEventListener('message', (event) => {
      const seq = Number(event.lastEventId);
      if (Number.isInteger(seq)) last = seq;
      try {
        onMessage(JSON.parse(event.data), last);
      } catch {
        // A malformed event is skipped; the conversation goes on.
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      timer = setTimeout(open, 15000);
    });
  };
  open();
  return () => {
    clearTimeout(timer);
    source.close();
  };
}
