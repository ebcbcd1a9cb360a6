/* global window, document, fetch */
// Statistics page: draws the charts with chart.js from /api/staff/stats.
'use strict';
(function () {
  const root = document.getElementById('stats');
  if (!root || !window.Chart) return;
  const Chart = window.Chart;
  const labels = JSON.parse(document.getElementById('stats-labels').textContent);

  function bar(id, x, series, type) {
    const canvas = document.getElementById(id);
    return new Chart(canvas, { type: type || 'bar', data: { labels: x, datasets: series }, options: { animation: false, responsive: true, maintainAspectRatio: false } });
  }

  fetch('/api/staff/stats', { credentials: 'same-origin' }).then((r) => r.json()).then((stats) => {
    const days = stats.days.map((d) => d.slice(5));
    bar('chart-conversations', days, [{ label: labels.conversations, data: stats.conversations }, { label: labels.cases, data: stats.cases }]);
    bar('chart-rate', days, [{ label: labels.handoff_rate, data: stats.handoffRate.map((r) => Math.round(r * 100)) }], 'line');
    const outcomeKeys = Object.keys(stats.outcomes);
    bar('chart-outcomes', outcomeKeys.map((k) => labels['status.' + k] || k), [{ label: labels.outcomes, data: outcomeKeys.map((k) => stats.outcomes[k]) }]);
    const questionKeys = Object.keys(stats.questionOutcomes);
    bar('chart-containment', questionKeys.map((k) => labels['question.' + k] || k), [{ label: labels.containment, data: questionKeys.map((k) => stats.questionOutcomes[k]) }]);
    bar('chart-csat', ['1', '2', '3', '4', '5'], [{ label: labels.csat, data: stats.csat.counts }]);
    const w = stats.waitingMinutes;
    document.getElementById('waiting-times').textContent = labels.waiting
      .replace('{{p50}}', w.p50 === null ? '–' : w.p50.toFixed(1))
      .replace('{{p90}}', w.p90 === null ? '–' : w.p90.toFixed(1))
      .replace('{{count}}', String(w.count));
    root.dataset.ready = 'true';
  }).catch(() => {
    window.staffDashboard.announce(root.dataset.error);
  });
})();
