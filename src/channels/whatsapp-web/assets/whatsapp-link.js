/* global window, document */
// The WhatsApp link page reloads itself: a QR code is replaced every 20 seconds or so, and the
// status changes when the phone is scanned or lost. (No inline scripts: the CSP forbids them.)
'use strict';
(function () {
  const section = document.getElementById('whatsapp-link');
  if (!section) return;
  const seconds = Number(section.getAttribute('data-refresh-seconds')) || 10;
  window.setTimeout(function () {
    window.location.reload();
  }, seconds * 1000);
})();
