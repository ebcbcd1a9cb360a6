import type { DashboardPage } from './dashboard-registry';
import { html, type SafeHtml } from './html';
import type { StaffPrincipal } from './staff-types';

/** Looks up a Dutch dashboard text by key. */
export type UiText = (key: string) => string;

function head(title: string, csrf?: string): SafeHtml {
  return html`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${csrf ? html`<meta name="csrf-token" content="${csrf}">` : ''}<title>${title}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/staff/assets/dashboard.css"></head>`;
}

/** The login page (no session yet); `errorKey` names the reason of a failed attempt. */
export function renderLoginPage(t: UiText, errorKey?: string): SafeHtml {
  return html`<!doctype html><html lang="nl">${head(t('staff.login.title'))}<body class="login">
<main id="main"><h1>${t('staff.login.title')}</h1>
${errorKey ? html`<p class="error" role="alert">${t(errorKey)}</p>` : ''}
<form method="post" action="/staff/login">
<label for="email">${t('staff.login.email')}</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">${t('staff.login.password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${t('staff.login.submit')}</button></form></main></body></html>`;
}

/** Everything the shell around a page needs. */
export interface ShellInput {
  t: UiText;
  staff: StaffPrincipal;
  csrf: string;
  title: string;
  menu: DashboardPage[];
  currentPath: string;
  body: SafeHtml;
  scripts: readonly string[];
}

/** The shell of every dashboard page: skip link, menu, logout, live alert region and the scripts. */
export function renderShell(input: ShellInput): SafeHtml {
  const { t } = input;
  const items = input.menu.map((page) => {
    const current = page.path === input.currentPath;
    return html`<li><a href="/staff/${page.path}"${current ? html` aria-current="page"` : ''}>${t(page.title)}</a></li>`;
  });
  return html`<!doctype html><html lang="nl">${head(`${input.title} · ${t('staff.shell.product')}`, input.csrf)}<body>
<a class="skip" href="#main">${t('staff.shell.skip')}</a>
<header><p class="product">${t('staff.shell.product')}</p>
<nav aria-label="${t('staff.shell.menu')}"><ul>${items}</ul></nav>
<form method="post" action="/staff/logout" class="logout"><input type="hidden" name="_csrf" value="${input.csrf}">
<span class="who">${input.staff.email} (${t(`staff.role.${input.staff.role}`)})</span> <button type="submit">${t('staff.shell.logout')}</button></form></header>
<main id="main"><h1>${input.title}</h1>${input.body}</main>
<section id="alerts" aria-live="polite" aria-label="${t('staff.shell.alerts')}"></section>
<script src="/staff/assets/dashboard.js"></script>
${input.scripts.map((name) => html`<script src="/staff/assets/${name}"></script>`)}
</body></html>`;
}

/** The page shown to a logged-in staff member whose role may not open a page. */
export function renderForbidden(t: UiText): SafeHtml {
  return html`<!doctype html><html lang="nl">${head(t('staff.forbidden.title'))}<body><main id="main">
<h1>${t('staff.forbidden.title')}</h1><p>${t('staff.forbidden.text')}</p><p><a href="/staff">${t('staff.forbidden.back')}</a></p></main></body></html>`;
}
