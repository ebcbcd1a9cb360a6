// whatsapp-web.js pulls puppeteer; this machine and CI cannot download a browser.
// Chromium comes from Debian's `chromium` package (/usr/bin/chromium) when a channel needs it.
module.exports = { skipDownload: true };
