/* global window, document, location */
// Loan application page: approve, waitlist, reject with a reason, hand out and take back, through the
// staff API; the page reloads after a decision, or shows the API's answer (e.g. 409) when it failed.
'use strict';
(function () {
  const root = document.getElementById('loan-application');
  if (!root) return;
  const errorLine = document.getElementById('action-error');
  const { api } = window.staffDashboard;

  async function run(action, body) {
    errorLine.hidden = true;
    const result = await api('POST', '/api/staff/loans/' + action, body);
    if (!result.ok) {
      errorLine.textContent = (result.data && result.data.message) || String(result.status);
      errorLine.hidden = false;
      return;
    }
    location.reload();
  }

  for (const button of root.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => void run(button.dataset.action, button.dataset.to ? { to: button.dataset.to } : {}));
  }
  const reject = document.getElementById('reject-form');
  if (reject) reject.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(reject.dataset.action, { reason: String(new window.FormData(reject).get('reason')) });
  });
})();
