/* global window, document, fetch */
// Shared helpers of the staff dashboard pages (no inline scripts: the CSP forbids them).
'use strict';
(function () {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.getAttribute('content') : '';

  /** Sends a JSON request to the staff API with the session cookie and the CSRF header. */
  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { 'x-csrf-token': csrf } : { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    return { ok: response.ok, status: response.status, data };
  }

  /** Shows a short message in the live region (read out by screen readers). */
  function announce(text) {
    const region = document.getElementById('alerts');
    if (!region) return;
    const line = document.createElement('p');
    line.textContent = text;
    region.prepend(line);
    while (region.children.length > 5) region.lastElementChild.remove();
  }

  window.staffDashboard = { api, announce, csrf };
})();
