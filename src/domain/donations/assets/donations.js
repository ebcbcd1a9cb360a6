/* global window, document, location */
// Donation intake page: register devices, mark them wiped or destroyed, add a laptop to the loan
// stock and close the donation, all through the staff intake API.
'use strict';
(function () {
  const root = document.getElementById('donation');
  if (!root) return;
  const base = '/api/staff/donations/' + encodeURIComponent(root.dataset.reference);
  const errorLine = document.getElementById('action-error');
  const { api } = window.staffDashboard;

  async function run(path, body) {
    errorLine.hidden = true;
    const result = await api('POST', base + path, body);
    if (!result.ok) {
      errorLine.textContent = (result.data && result.data.message) || String(result.status);
      errorLine.hidden = false;
      return;
    }
    location.reload();
  }

  for (const button of document.querySelectorAll('#devices button[data-action]')) {
    button.addEventListener('click', () => {
      const row = button.closest('tr');
      const path = '/devices/' + encodeURIComponent(row.dataset.serial) + '/' + button.dataset.action;
      const method = row.querySelector('select[name="method"]');
      const condition = row.querySelector('select[name="condition"]');
      if (button.dataset.action === 'wiped') void run(path, { method: method.value });
      else if (button.dataset.action === 'to-stock') void run(path, { condition: condition.value });
      else void run(path);
    });
  }

  const form = document.getElementById('device-form');
  if (form) form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new window.FormData(form);
    void run('/devices', { type: data.get('type'), brand: data.get('brand'), model: data.get('model'), serial: data.get('serial') });
  });

  const close = document.getElementById('close-donation');
  if (close) close.addEventListener('click', () => void run('/close'));
})();
