/* global window, document, EventSource, location */
// Case view: claim, unclaim, transfer, resolve, return, reply, notes and labels through the staff API;
// the transcript reloads when the resident writes.
'use strict';
(function () {
  const root = document.getElementById('case');
  if (!root) return;
  const id = root.dataset.case;
  const base = '/api/staff/cases/' + encodeURIComponent(id);
  const errorLine = document.getElementById('action-error');
  const { api } = window.staffDashboard;

  async function run(method, path, body) {
    errorLine.hidden = true;
    const result = await api(method, base + path, body);
    if (!result.ok) {
      errorLine.textContent = (result.data && result.data.message) || String(result.status);
      errorLine.hidden = false;
      return false;
    }
    location.reload();
    return true;
  }

  for (const button of document.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => void run('POST', '/' + button.dataset.action));
  }

  function onSubmit(formId, handler) {
    const form = document.getElementById(formId);
    if (form) form.addEventListener('submit', (event) => {
      event.preventDefault();
      void handler(new window.FormData(form));
    });
  }

  onSubmit('reply-form', (data) => {
    const templateId = data.get('templateId');
    const text = String(data.get('text') || '').trim();
    return run('POST', '/messages', templateId ? { templateId } : { text });
  });
  onSubmit('note-form', (data) => run('POST', '/notes', { text: String(data.get('text') || '') }));
  onSubmit('labels-form', (data) => run('PUT', '/labels', { labels: String(data.get('labels') || '').split(',').map((l) => l.trim()).filter(Boolean) }));
  onSubmit('resolve-form', (data) => run('POST', '/resolve', { resolution: String(data.get('resolution')) }));
  onSubmit('transfer-form', (data) => run('POST', '/transfer', { staffId: String(data.get('staffId')) }));

  const events = new EventSource('/api/staff/events');
  for (const type of ['case.message', 'case.changed']) {
    events.addEventListener(type, (event) => {
      const data = JSON.parse(event.data);
      const typing = document.activeElement && document.activeElement.tagName === 'TEXTAREA' && document.activeElement.value;
      if (data.caseId === id && !typing) location.reload();
    });
  }
})();
