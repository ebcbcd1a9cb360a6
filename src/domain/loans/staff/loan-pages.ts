import path from 'node:path';
import { PROJECT_ROOT } from '../../../config';
import type { AuditLog } from '../../../staff/audit';
import type { DashboardRegistry, DashboardView } from '../../../staff/dashboard-registry';
import { html, type SafeHtml } from '../../../staff/html';
import { STAFF_ROLES } from '../../../staff/staff-types';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../applications/application-store';
import type { LoansDomain } from '../domain';
import { AALST_TIME_ZONE } from '../format';
import type { Loan } from '../lending/loan-store';

const when = (at: Date | null): string => (at ? new Intl.DateTimeFormat('nl-BE', { timeZone: AALST_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(at) : '–');
const isStatus = (value: string | undefined): value is ApplicationStatus => APPLICATION_STATUSES.some((s) => s === value);
const DECIDERS: readonly string[] = ['coordinator', 'admin'];

function listPage(domain: LoansDomain) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const { t } = view;
    const status = isStatus(view.query.status) ? view.query.status : undefined;
    const [counts, { items }] = await Promise.all([domain.devices.countByStatus(), domain.applications.list({ status, search: view.query.q, limit: 200 })]);
    const rows = items.map((a) => html`<tr><td><a href="/staff/loans/${a._id}">${a.reference}</a></td><td>${a.name || '–'}</td>
<td>${t(`loan.staff.status.${a.status}`)}</td><td>${t(`application.device.${a.device}`)}</td><td>${when(a.submittedAt)}</td></tr>`);
    return html`<p>${t('loan.staff.intro')}</p><p>${t('loan.staff.stock', counts)}</p>
<form method="get" action="/staff/loans" class="filters"><label for="loan-status">${t('loan.staff.filter')}</label>
<select id="loan-status" name="status"><option value="">${t('loan.staff.all')}</option>
${APPLICATION_STATUSES.map((s) => html`<option value="${s}"${s === status ? html` selected` : ''}>${t(`loan.staff.status.${s}`)}</option>`)}</select>
<label for="loan-search">${t('loan.staff.search')}</label><input id="loan-search" name="q" value="${view.query.q ?? ''}">
<button type="submit">${t('loan.staff.apply_filter')}</button></form>
<table><caption class="visually-hidden">${t('loan.staff.title')}</caption><thead><tr><th scope="col">${t('loan.staff.field.reference')}</th>
<th scope="col">${t('loan.staff.field.name')}</th><th scope="col">${t('loan.staff.field.status')}</th><th scope="col">${t('loan.staff.field.device')}</th>
<th scope="col">${t('loan.staff.field.submitted')}</th></tr></thead><tbody>${rows}</tbody></table>
${rows.length === 0 ? html`<p>${t('loan.staff.empty')}</p>` : ''}`;
  };
}

function decisionActions(domain: LoansDomain, application: Application, view: DashboardView): SafeHtml {
  const { t } = view;
  if (!DECIDERS.includes(view.staff.role) || !['submitted', 'waitlisted'].includes(application.status)) return html``;
  return html`<div class="actions"><button type="button" data-action="applications/${application._id}/approve">${t('loan.staff.action.approve')}</button>
${application.status === 'submitted' ? html`<button type="button" class="secondary" data-action="applications/${application._id}/waitlist">${t('loan.staff.action.waitlist')}</button>` : ''}</div>
<form id="reject-form" data-action="applications/${application._id}/reject"><label for="reject-reason">${t('loan.staff.action.reason')}</label>
<select id="reject-reason" name="reason">${domain.content.settings.rejectionReasons.map((r) => html`<option value="${r}">${t(`loan.staff.reason.${r}`)}</option>`)}</select>
<button type="submit" class="secondary">${t('loan.staff.action.reject')}</button></form>`;
}

function loanPart(loan: Loan | null, view: DashboardView): SafeHtml {
  const { t } = view;
  if (!loan) return html``;
  const buttons = loan.status === 'reserved'
    ? html`<button type="button" data-action="loans/${loan._id}/hand-out">${t('loan.staff.action.hand_out')}</button>`
    : loan.status === 'active'
      ? html`<button type="button" data-action="loans/${loan._id}/return" data-to="in_stock">${t('loan.staff.action.return_stock')}</button>
<button type="button" class="secondary" data-action="loans/${loan._id}/return" data-to="repair">${t('loan.staff.action.return_repair')}</button>`
      : '';
  return html`<h2>${t('loan.staff.loan')}</h2><dl><dt>${t('loan.staff.field.status')}</dt><dd>${t(`loan.staff.loan_status.${loan.status}`)}</dd>
<dt>${t('loan.staff.field.serial')}</dt><dd>${loan.deviceId}</dd><dt>${t('loan.staff.field.due')}</dt><dd>${when(loan.dueAt)}</dd></dl><div class="actions">${buttons}</div>`;
}

function detailPage(domain: LoansDomain, audit: AuditLog, clock: () => Date) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const { t } = view;
    const application = await domain.applications.get(view.params.id ?? '');
    if (!application) return html`<p>${t('loan.staff.empty')}</p>`;
    await audit.record({ actor: view.staff.id, action: 'loan_application.view', subject: `loan_application:${application._id}`, at: clock() });
    const [loan, history] = await Promise.all([domain.loans.ofApplication(application._id), domain.log.history('application', application._id)]);
    const session = application.training ? domain.training.session(application.training.sessionId) : undefined;
    return html`<div id="loan-application"><dl>
<dt>${t('loan.staff.field.reference')}</dt><dd>${application.reference}</dd><dt>${t('loan.staff.field.status')}</dt><dd>${t(`loan.staff.status.${application.status}`)}</dd>
<dt>${t('loan.staff.field.name')}</dt><dd>${application.name || '–'}</dd><dt>${t('loan.staff.field.address')}</dt><dd>${application.street || '–'}, ${application.postcode}</dd>
<dt>${t('loan.staff.field.phone')}</dt><dd>${application.phone || '–'}</dd><dt>${t('loan.staff.field.email')}</dt><dd>${application.email ?? '–'}</dd>
<dt>${t('loan.staff.field.language')}</dt><dd>${application.preferredLanguage}</dd><dt>${t('loan.staff.field.device')}</dt><dd>${t(`application.device.${application.device}`)}</dd>
<dt>${t('loan.staff.field.training')}</dt><dd>${session ? `${when(session.start)} · ${session.place}` : '–'}</dd><dt>${t('loan.staff.field.channel')}</dt><dd>${application.address.channel}</dd>
<dt>${t('loan.staff.field.submitted')}</dt><dd>${when(application.submittedAt)}</dd></dl>
${decisionActions(domain, application, view)}${loanPart(loan, view)}
<p id="action-error" class="error" role="alert" hidden></p>
<h2>${t('loan.staff.history')}</h2><ol>${history.map((h) => html`<li>${when(h.at)}: ${h.from} → ${h.to} (${h.who})</li>`)}</ol></div>`;
  };
}

/** Adds the loans pages to the staff dashboard: the list of applications, and one application with its decisions and loan. */
export function addLoanPages(dashboard: DashboardRegistry, domain: LoansDomain, audit: AuditLog, clock: () => Date): void {
  dashboard.addPage({ path: 'loans', title: 'loan.staff.title', roles: STAFF_ROLES, render: listPage(domain) });
  dashboard.addPage({ path: 'loans/:id', title: 'loan.staff.detail_title', roles: STAFF_ROLES, nav: false, scripts: ['loans.js'], render: detailPage(domain, audit, clock) });
  dashboard.addAsset('loans.js', path.join(PROJECT_ROOT, 'src', 'domain', 'loans', 'staff', 'assets', 'loans.js'));
}
