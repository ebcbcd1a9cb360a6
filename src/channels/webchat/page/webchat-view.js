// Draws the conversation. Server text only ever goes in through textContent, never as HTML.

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One of the page's own texts from index.html (Dutch and English), as a fresh copy. */
export function pageText(key) {
  const template = document.querySelector(`#texts [data-text="${key}"]`);
  return template ? template.cloneNode(true) : element('p', '', key);
}

function renderChoices(message, onChoice) {
  const list = element('ol', 'choices');
  message.choices.forEach((choice, index) => {
    const button = element('button', 'choice');
    button.type = 'button';
    button.dataset.choice = choice.id;
    button.append(element('span', 'choice__number', String(index + 1)), element('span', 'choice__label', choice.label));
    button.addEventListener('click', (event) => onChoice(choice, event));
    const item = element('li');
    item.append(button);
    list.append(item);
  });
  return list;
}

function renderLinks(message) {
  const list = element('ul', 'links');
  for (const link of message.links) {
    const item = element('li');
    if (SAFE_LINK.test(link.url)) {
      const anchor = element('a', 'link', link.label);
      anchor.href = link.url;
      anchor.rel = 'noopener noreferrer';
      if (/^https?:/i.test(link.url)) anchor.target = '_blank';
      item.append(anchor);
    } else {
      item.textContent = link.label;
    }
    list.append(item);
  }
  return list;
}

/** A message of the assistant or of staff: its own lang and dir, line breaks kept, choices as buttons. */
export function renderBotMessage(message, onChoice) {
  const node = element('div', 'message message--bot');
  node.id = `m-${message.id}`;
  node.lang = message.lang;
  node.dir = message.dir === 'rtl' ? 'rtl' : 'ltr';
  node.append(element('p', 'message__text', message.text));
  if (Array.isArray(message.choices) && message.choices.length > 0) node.append(renderChoices(message, onChoice));
  if (Array.isArray(message.links) && message.links.length > 0) node.append(renderLinks(message));
  return node;
}

/** What the resident sent, shown on the other side; the direction follows the text itself. */
export function renderOwnMessage(text) {
  const node = element('div', 'message message--own');
  const body = element('p', 'message__text', text);
  body.dir = 'auto';
  node.append(body);
  return node;
}

/** A short note of the page itself (for example after a reload), not a message of the assistant. */
export function renderNote(key) {
  const node = pageText(key);
  node.classList.add('note');
  return node;
}

/** Adds nodes to the log and scrolls so the first new one starts in view (long texts stay readable). */
export function appendToLog(log, nodes) {
  if (nodes.length === 0) return;
  log.append(...nodes);
  log.scrollTop = Math.max(0, nodes[0].offsetTop - 8); // the log is the offsetParent (position: relative)
}

/** Old questions are answered: their buttons stop working and leave the Tab order. */
export function retireChoices(log) {
  for (const button of log.querySelectorAll('button.choice:not([disabled])')) button.disabled = true;
}

/** The conversation area follows the current language, so Arabic reads right to left. */
export function setConversationLanguage(areas, lang, dir) {
  for (const area of areas) {
    area.lang = lang;
    area.dir = dir === 'rtl' ? 'rtl' : 'ltr';
  }
}

/** Shows (or with no key, hides) the error line under the log. */
export function showStatus(status, key) {
  status.replaceChildren(...(key ? [...pageText(key).childNodes] : []));
  status.hidden = !key;
}
