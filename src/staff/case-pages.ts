import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { BusinessHours } from '../domain/handoff/business-hours';
import { CASE_STATUSES } from '../domain/handoff/case-machine';
import type { CaseDoc, TranscriptLine } from '../domain/handoff/case-model';
import type { CaseService } from '../domain/handoff/case-service';
import type { CaseStore } from '../domain/handoff/case-store';
import type { HandoffContent } from '../domain/handoff/handoff-content';
import type { DashboardRegistry, DashboardView } from './dashboard-registry';
import { html, jsonData, type SafeHtml } from './html';
import { STAFF_ROLES, type StaffDirectory } from './staff-types';

/** What the case pages read. */
export interface CasePagesDeps {
  store: CaseStore;
  service: CaseService;
  content: HandoffContent;
  directory: StaffDirectory;
  hours: BusinessHours;
}

const time = (at: Date, zone: string): string => new Intl.DateTimeFormat('nl-BE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(at);

function queuePage(deps: CasePagesDeps) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const { t } = view;
    const rows = (await deps.store.list(['waiting', 'assigned'])).map((doc) => html`<tr data-case="${doc._id}">
<td><a href="/staff/cases/${doc._id}">${doc.reference}</a></td><td>${t(`staff.status.${doc.status}`)}</td><td>${t(`staff.reason.${doc.reason}`)}</td>
<td>${doc.priority}</td><td>${doc.language}</td><td>${doc.address.channel}</td><td>${time(doc.createdAt, deps.hours.data.timeZone)}</td><td>${doc.assignee?.email ?? '–'}</td></tr>`);
    return html`<p>${t('staff.queue.intro')}</p>
<table id="queue"><caption class="visually-hidden">${t('staff.queue.title')}</caption><thead><tr>
<th scope="col">${t('staff.case.reference')}</th><th scope="col">${t('staff.case.status')}</th><th scope="col">${t('staff.case.reason')}</th>
<th scope="col">${t('staff.case.priority')}</th><th scope="col">${t('staff.case.language')}</th><th scope="col">${t('staff.case.channel')}</th>
<th scope="col">${t('staff.case.created')}</th><th scope="col">${t('staff.case.assignee')}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p id="queue-empty"${rows.length ? html` hidden` : ''}>${t('staff.queue.empty')}</p>
${jsonData('queue-labels', { ...uiLabels(view, deps), 'alert.waiting': t('staff.alert.waiting'), 'alert.realert': t('staff.alert.realert') })}`;
  };
}

function transcript(lines: TranscriptLine[], view: DashboardView, zone: string): SafeHtml {
  return html`<ol class="transcript" id="transcript">${lines.map((line) => html`<li class="${line.from}"><span class="who">${view.t(`staff.from.${line.from}`)}</span><time>${time(line.at, zone)}</time> ${line.text}</li>`)}</ol>`;
}

function actions(doc: CaseDoc, deps: CasePagesDeps, view: DashboardView, colleagues: { id: string; email: string }[]): SafeHtml {
  const { t } = view;
  if (doc.status === 'waiting') return html`<div class="actions"><button type="button" data-action="claim">${t('staff.action.claim')}</button></div>`;
  if (doc.status !== 'assigned') return html`<p>${t('staff.case.closed')}</p>`;
  return html`<div class="actions">
<button type="button" class="secondary" data-action="unclaim">${t('staff.action.unclaim')}</button>
<button type="button" class="secondary" data-action="return-to-bot">${t('staff.action.return')}</button></div>
<form id="transfer-form"><label for="transfer-to">${t('staff.action.transfer_to')}</label>
<select id="transfer-to" name="staffId">${colleagues.filter((c) => c.id !== view.staff.id).map((c) => html`<option value="${c.id}">${c.email}</option>`)}</select>
<button type="submit">${t('staff.action.transfer')}</button></form>
<form id="resolve-form"><label for="resolution">${t('staff.action.resolution')}</label>
<select id="resolution" name="resolution">${deps.content.resolutions.map((r) => html`<option value="${r}">${t(`staff.resolution.${r}`)}</option>`)}</select>
<button type="submit">${t('staff.action.resolve')}</button></form>
<form id="reply-form"><h2>${t('staff.reply.title')}</h2>
<label for="reply-template">${t('staff.reply.template')}</label>
<select id="reply-template" name="templateId"><option value="">${t('staff.reply.no_template')}</option>
${deps.content.replyTemplates.map((id) => html`<option value="${id}">${deps.service.deps.renderer.text('nl', `case_reply.${id}`)}</option>`)}</select>
<label for="reply-text">${t('staff.reply.text')}</label><textarea id="reply-text" name="text"></textarea>
<button type="submit">${t('staff.reply.send')}</button></form>`;
}

function casePage(deps: CasePagesDeps) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const { t } = view;
    const doc = await deps.store.get(view.params.id ?? '');
    await deps.service.deps.audit.record({ actor: view.staff.id, action: 'case.view', subject: `case:${doc._id}`, at: deps.service.deps.clock() });
    const [messages, notes, colleagues] = await Promise.all([deps.store.messages(doc._id), deps.store.notesOf(doc.residentKey), deps.directory.list()]);
    const zone = deps.hours.data.timeZone;
    return html`<div id="case" data-case="${doc._id}" data-status="${doc.status}">
<dl><dt>${t('staff.case.reference')}</dt><dd>${doc.reference}</dd><dt>${t('staff.case.status')}</dt><dd id="case-status">${t(`staff.status.${doc.status}`)}</dd>
<dt>${t('staff.case.reason')}</dt><dd>${t(`staff.reason.${doc.reason}`)}${doc.context.topic ? ` (${doc.context.topic})` : ''}</dd>
<dt>${t('staff.case.language')}</dt><dd>${doc.language}</dd><dt>${t('staff.case.channel')}</dt><dd>${doc.address.channel}</dd>
<dt>${t('staff.case.assignee')}</dt><dd>${doc.assignee?.email ?? '–'}</dd><dt>${t('staff.case.due')}</dt><dd>${time(doc.firstResponseDue, zone)}</dd>
${doc.context.links.map((l) => html`<dt>${l.type}</dt><dd>${l.id}</dd>`)}</dl>
${actions(doc, deps, view, colleagues)}
<p id="action-error" class="error" role="alert" hidden></p>
<div class="grid"><section><h2>${t('staff.case.transcript')}</h2>${transcript([...doc.context.transcript, ...messages], view, zone)}</section>
<section><h2>${t('staff.case.answers')}</h2>${doc.context.answers.length ? html`<dl>${doc.context.answers.flatMap((f) => Object.entries(f.answers).map(([k, v]) => html`<dt>${f.flow}: ${k}</dt><dd>${String(v)}</dd>`))}</dl>` : html`<p class="muted">–</p>`}
<h2>${t('staff.case.labels')}</h2><form id="labels-form"><label for="labels">${t('staff.case.labels_hint')}</label>
<input id="labels" name="labels" value="${doc.labels.join(', ')}"><button type="submit">${t('staff.action.save')}</button></form>
<h2>${t('staff.case.notes')}</h2><ul id="notes">${notes.map((n) => html`<li><time>${time(n.at, zone)}</time> ${n.text}</li>`)}</ul>
<form id="note-form"><label for="note-text">${t('staff.case.new_note')}</label><textarea id="note-text" name="text" required></textarea>
<button type="submit">${t('staff.action.add_note')}</button></form></section></div></div>`;
  };
}

async function statsPage(view: DashboardView): Promise<SafeHtml> {
  const { t } = view;
  const chart = (id: string, title: string): SafeHtml => html`<section><h2 id="${id}-title">${title}</h2><div class="chart"><canvas id="${id}" role="img" aria-labelledby="${id}-title"></canvas></div></section>`;
  return html`<p>${t('staff.stats.intro')}</p><div class="grid" id="stats" data-error="${t('staff.stats.error')}">
${chart('chart-conversations', t('staff.stats.conversations'))}${chart('chart-rate', t('staff.stats.handoff_rate'))}
${chart('chart-outcomes', t('staff.stats.outcomes'))}${chart('chart-containment', t('staff.stats.containment'))}${chart('chart-csat', t('staff.stats.csat'))}</div>
<h2>${t('staff.stats.waiting')}</h2><p id="waiting-times"></p>
${jsonData('stats-labels', {
  ...Object.fromEntries(['conversations', 'cases', 'handoff_rate', 'outcomes', 'csat', 'containment'].map((k) => [k, t(`staff.stats.${k}`)])),
  ...Object.fromEntries(['answered', 'clarified', 'failed', 'human'].map((k) => [`question.${k}`, t(`staff.question.${k}`)])),
  waiting: t('staff.stats.waiting_values'), ...Object.fromEntries(CASE_STATUSES.map((s) => [`status.${s}`, t(`staff.status.${s}`)])),
})}`;
}

/** Status and reason names for the live queue script. */
function uiLabels(view: DashboardView, deps: CasePagesDeps): Record<string, string> {
  return {
    ...Object.fromEntries(CASE_STATUSES.map((s) => [`status.${s}`, view.t(`staff.status.${s}`)])),
    ...Object.fromEntries(Object.keys(deps.content.reasons).map((r) => [`reason.${r}`, view.t(`staff.reason.${r}`)])),
  };
}

/** Adds the queue, case and statistics pages (and their scripts) to the dashboard. */
export function addCasePages(dashboard: DashboardRegistry, deps: CasePagesDeps): void {
  const assets = path.join(PROJECT_ROOT, 'src', 'staff', 'assets');
  for (const name of ['queue.js', 'case.js', 'stats.js']) dashboard.addAsset(name, path.join(assets, name));
  dashboard.addPage({ path: 'queue', title: 'staff.queue.title', roles: STAFF_ROLES, scripts: ['queue.js'], render: queuePage(deps) });
  dashboard.addPage({ path: 'cases/:id', title: 'staff.case.title', roles: STAFF_ROLES, nav: false, scripts: ['case.js'], render: casePage(deps) });
  dashboard.addPage({ path: 'stats', title: 'staff.stats.title', roles: ['coordinator', 'admin'], scripts: ['chart.umd.js', 'stats.js'], render: statsPage });
}
