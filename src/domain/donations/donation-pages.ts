import path from 'node:path';
import { PROJECT_ROOT } from '../../config';
import type { AuditLog } from '../../staff/audit';
import type { DashboardRegistry, DashboardView } from '../../staff/dashboard-registry';
import { html, type SafeHtml } from '../../staff/html';
import { STAFF_ROLES } from '../../staff/staff-types';
import { DEVICE_CONDITIONS } from '../loans/inventory/device-store';
import type { CertificateStore } from './certificate-store';
import { DEVICE_TYPES, type DonationRules } from './donation-content';
import type { DonationDoc } from './donation-model';
import type { DonationStore } from './donation-store';
import type { IntakeDevice, IntakeStore } from './intake-store';

/** What the donation pages read; every change goes through the intake API from donations.js. */
export interface DonationPagesDeps {
  donations: DonationStore;
  devices: IntakeStore;
  certificates: CertificateStore;
  rules: DonationRules;
  audit: AuditLog;
  clock: () => Date;
}

const STATUSES = ['booked', 'received', 'closed', 'cancelled'] as const;

function counts(doc: DonationDoc): string {
  return doc.counts.map((c) => `${c.count} × ${c.type}`).join(', ');
}

function listPage(deps: DonationPagesDeps) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const { t } = view;
    const status = STATUSES.find((s) => s === view.query.status);
    const rows = (await deps.donations.list(status)).map((d) => html`<tr><td><a href="/staff/donations/${d.reference}">${d.reference}</a></td>
<td>${t(`donation.staff.status.${d.status}`)}</td><td>${t(`donation.staff.way.${d.way}`)}</td><td>${counts(d)}</td>
<td>${d.pickup ? `${d.pickup.date} ${d.pickup.from}–${d.pickup.to}` : '–'}</td><td>${d.certificateWanted ? t('donation.staff.yes') : t('donation.staff.no')}</td></tr>`);
    return html`<nav aria-label="${t('donation.staff.filter')}"><a href="/staff/donations">${t('donation.staff.all')}</a>
${STATUSES.map((s) => html` · <a href="/staff/donations?status=${s}">${t(`donation.staff.status.${s}`)}</a>`)}</nav>
<table><thead><tr><th scope="col">${t('donation.staff.reference')}</th><th scope="col">${t('donation.staff.status_label')}</th>
<th scope="col">${t('donation.staff.way_label')}</th><th scope="col">${t('donation.staff.devices')}</th><th scope="col">${t('donation.staff.pickup')}</th>
<th scope="col">${t('donation.staff.certificate')}</th></tr></thead><tbody>${rows}</tbody></table>
${rows.length === 0 ? html`<p>${t('donation.staff.none')}</p>` : ''}`;
  };
}

function deviceRow(device: IntakeDevice, deps: DonationPagesDeps, view: DashboardView): SafeHtml {
  const { t } = view;
  const pending = device.outcome === 'pending';
  const stockable = device.outcome === 'wiped' && device.type === 'laptop' && !device.stockedAt;
  return html`<tr data-serial="${device.serial}"><td>${device.type}</td><td>${device.brand}</td><td>${device.model}</td><td>${device.serial}</td>
<td>${t(`donation.staff.outcome.${device.outcome}`)}${device.stockedAt ? ` · ${t('donation.staff.in_stock')}` : ''}</td><td>${device.handledBy ?? ''}</td><td>
${pending ? html`<select name="method" aria-label="${t('donation.staff.method')}">${deps.rules.wipeMethods.map((m) => html`<option value="${m.id}">${m.label}</option>`)}</select>
<button type="button" data-action="wiped">${t('donation.staff.mark_wiped')}</button>
<button type="button" class="secondary" data-action="destroyed">${t('donation.staff.mark_destroyed')}</button>` : ''}
${stockable ? html`<select name="condition" aria-label="${t('donation.staff.condition')}">${DEVICE_CONDITIONS.map((c) => html`<option value="${c}">${c}</option>`)}</select>
<button type="button" data-action="to-stock">${t('donation.staff.to_stock')}</button>` : ''}</td></tr>`;
}

function detailPage(deps: DonationPagesDeps) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const { t } = view;
    const donation = await deps.donations.byReference(view.params.reference ?? '');
    if (!donation) return html`<p>${t('donation.staff.not_found')}</p>`;
    await deps.audit.record({ actor: view.staff.id, action: 'donation.view', subject: `donation:${donation._id}`, at: deps.clock() });
    const [devices, certificate] = await Promise.all([deps.devices.of(donation._id), deps.certificates.ofDonation(donation._id)]);
    const open = donation.status === 'booked' || donation.status === 'received';
    return html`<div id="donation" data-reference="${donation.reference}">
<dl><dt>${t('donation.staff.status_label')}</dt><dd>${t(`donation.staff.status.${donation.status}`)}</dd>
<dt>${t('donation.staff.donor')}</dt><dd>${donation.companyName ?? t(`donation.staff.kind.${donation.donorKind}`)}${donation.vat ? ` (${donation.vat})` : ''}</dd>
<dt>${t('donation.staff.way_label')}</dt><dd>${t(`donation.staff.way.${donation.way}`)}</dd><dt>${t('donation.staff.devices')}</dt><dd>${counts(donation)}</dd>
<dt>${t('donation.staff.pickup')}</dt><dd>${donation.pickup ? `${donation.pickup.date} ${donation.pickup.from}–${donation.pickup.to}, ${donation.pickup.street}, ${donation.pickup.postcode}` : '–'}</dd>
<dt>${t('donation.staff.contact')}</dt><dd>${[donation.phone, donation.email].filter(Boolean).join(' · ') || '–'}</dd>
<dt>${t('donation.staff.certificate')}</dt><dd>${certificate ? html`${certificate.code} · <a href="/api/staff/donations/${donation.reference}/certificate.pdf">PDF</a>` : donation.certificateWanted ? t('donation.staff.certificate_pending') : t('donation.staff.no')}</dd></dl>
<p id="action-error" class="error" role="alert" hidden></p>
<h2>${t('donation.staff.received_devices')}</h2>
<table id="devices"><thead><tr>${['type', 'brand', 'model', 'serial', 'outcome_label', 'by', 'actions'].map((k) => html`<th scope="col">${t(`donation.staff.column.${k}`)}</th>`)}</tr></thead>
<tbody>${devices.map((d) => deviceRow(d, deps, view))}</tbody></table>
${open ? html`<form id="device-form"><h2>${t('donation.staff.add_device')}</h2>
<label for="device-type">${t('donation.staff.column.type')}</label><select id="device-type" name="type">${DEVICE_TYPES.map((d) => html`<option value="${d}">${d}</option>`)}</select>
<label for="device-brand">${t('donation.staff.column.brand')}</label><input id="device-brand" name="brand" required maxlength="60">
<label for="device-model">${t('donation.staff.column.model')}</label><input id="device-model" name="model" required maxlength="80">
<label for="device-serial">${t('donation.staff.column.serial')}</label><input id="device-serial" name="serial" required maxlength="60">
<button type="submit">${t('donation.staff.add')}</button></form>
<div class="actions"><button type="button" class="secondary" id="close-donation">${t('donation.staff.close')}</button></div>` : ''}</div>`;
  };
}

/** Adds the donation list and the intake page (with its script) to the staff dashboard. */
export function addDonationPages(dashboard: DashboardRegistry, deps: DonationPagesDeps): void {
  dashboard.addAsset('donations.js', path.join(PROJECT_ROOT, 'src', 'domain', 'donations', 'assets', 'donations.js'));
  dashboard.addPage({ path: 'donations', title: 'donation.staff.title', roles: STAFF_ROLES, render: listPage(deps) });
  dashboard.addPage({ path: 'donations/:reference', title: 'donation.staff.detail_title', roles: STAFF_ROLES, nav: false, scripts: ['donations.js'], render: detailPage(deps) });
}
