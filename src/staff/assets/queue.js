/* global window, document, EventSource, fetch */
// Live queue: refreshes the table when a case event arrives and announces new cases and re-alerts.
'use strict';
(function () {
  const table = document.querySelector('#queue tbody');
  const empty = document.getElementById('queue-empty');
  if (!table) return;
  const labels = JSON.parse(document.getElementById('queue-labels') ? document.getElementById('queue-labels').textContent : '{}');

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  async function refresh() {
    const response = await fetch('/api/staff/cases', { credentials: 'same-origin' });
    if (!response.ok) return;
    const cases = await response.json();
    table.replaceChildren(...cases.map((c) => {
      const row = document.createElement('tr');
      row.dataset.case = c.id;
      const link = document.createElement('a');
      link.href = '/staff/cases/' + c.id;
      link.textContent = c.reference;
      const first = document.createElement('td');
      first.append(link);
      const created = new Date(c.createdAt).toLocaleString('nl-BE', { dateStyle: 'short', timeStyle: 'short' });
      row.append(first, cell(labels['status.' + c.status] || c.status), cell(labels['reason.' + c.reason] || c.reason), cell(String(c.priority)),
        cell(c.language), cell(c.channel), cell(created), cell(c.assignee ? c.assignee.email : '–'));
      return row;
    }));
    empty.hidden = cases.length > 0;
  }

  const events = new EventSource('/api/staff/events');
  const announceKinds = { 'case.waiting': 'alert.waiting', 'case.realert': 'alert.realert' };
  for (const type of ['case.waiting', 'case.realert', 'case.changed']) {
    events.addEventListener(type, (event) => {
      const data = JSON.parse(event.data);
      if (announceKinds[type]) window.staffDashboard.announce((labels[announceKinds[type]] || type) + ' ' + data.reference);
      void refresh();
    });
  }
})();
