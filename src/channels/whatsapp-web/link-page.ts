import path from 'node:path';
import { PROJECT_ROOT } from '../../config';
import type { DashboardRegistry, DashboardView } from '../../staff/dashboard-registry';
import { html, SafeHtml } from '../../staff/html';
import type { LinkStatusStore } from './link-status';
import { qrSvg } from './qr-code';

/** Aalst's time zone, for the "last change" time admins read. */
const TIME_ZONE = 'Europe/Brussels';

const when = (at: Date): string => new Intl.DateTimeFormat('nl-BE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' }).format(at);

function linkPage(status: LinkStatusStore) {
  return async (view: DashboardView): Promise<SafeHtml> => {
    const link = await status.get();
    const state = link?.state ?? 'never';
    const qr = link?.state === 'waiting_for_scan' && link.qr ? new SafeHtml(qrSvg(link.qr, view.t('whatsapp_web.qr_label'))) : undefined;
    return html`<section id="whatsapp-link" data-state="${state}" data-refresh-seconds="${state === 'linked' ? 30 : 5}">
<p>${view.t('whatsapp_web.intro')}</p>
<p><strong id="link-state">${view.t(`whatsapp_web.state.${state}`)}</strong></p>
${link ? html`<p>${view.t('whatsapp_web.changed_at', { when: when(link.changedAt) })}</p>` : ''}
${qr ? html`<p>${view.t('whatsapp_web.scan')}</p><figure class="qr">${qr}</figure>` : ''}
<p>${view.t('whatsapp_web.risk')}</p>
</section>`;
  };
}

/** The admins' page to link the Digipunt phone: the link status and, while waiting, the QR code. */
export function addLinkPage(dashboard: DashboardRegistry, status: LinkStatusStore): void {
  dashboard.addPage({ path: 'whatsapp', title: 'whatsapp_web.title', roles: ['admin'], scripts: ['whatsapp-link.js'], render: linkPage(status) });
  // Read from src/ (tsc does not copy assets), so the built app serves the same file.
  dashboard.addAsset('whatsapp-link.js', path.join(PROJECT_ROOT, 'src', 'channels', 'whatsapp-web', 'assets', 'whatsapp-link.js'));
}
