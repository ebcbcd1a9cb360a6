import type { Feature, FeatureDeps } from '../../features';
import { channelCore } from '../channel';
import { loadCloudTemplates } from './cloud-templates';
import { GraphClient } from './graph-client';
import { ServiceWindowDataHolder, ServiceWindowStore } from './service-window';
import { WHATSAPP_CLOUD_CHANNEL } from './to-incoming';
import { WhatsAppCloudChannel } from './whatsapp-cloud-channel';
import { whatsAppCloudOptions } from './whatsapp-cloud-options';
import { whatsAppCloudRoutes } from './whatsapp-cloud-routes';

/** Tests shorten the Graph API retry waits; everything else comes from the configuration. */
export interface WhatsAppCloudOverrides {
  retryDelayMs?: number;
}

/** Residents on WhatsApp through Meta's official Cloud API: signed webhook in, Graph API out. */
export function whatsAppCloudFeature(deps: FeatureDeps, overrides: WhatsAppCloudOverrides = {}): Feature {
  const options = whatsAppCloudOptions(deps.config);
  const log = deps.logger.child({ channel: WHATSAPP_CLOUD_CHANNEL });
  if (!options) {
    log.info({}, 'WhatsApp Cloud API channel off (WHATSAPP_CLOUD_* are not set)');
    return { name: WHATSAPP_CLOUD_CHANNEL };
  }
  const templates = loadCloudTemplates(deps.config.paths.content);
  if (templates.placeholders.length > 0) log.warn({ placeholders: templates.placeholders }, 'content/whatsapp-cloud.yaml still has PLACEHOLDER values');
  const graph = new GraphClient({ ...options, ...(overrides.retryDelayMs !== undefined ? { retryDelayMs: overrides.retryDelayMs } : {}) });
  const channel = new WhatsAppCloudChannel({ ...channelCore(deps, log), phoneNumberId: options.phoneNumberId, graph, windows: new ServiceWindowStore(deps.connection), templates });
  deps.channels.add(channel);
  deps.privacy.register(new ServiceWindowDataHolder(deps.connection));
  log.info({}, 'WhatsApp Cloud API channel on');
  return {
    name: WHATSAPP_CLOUD_CHANNEL,
    registerRoutes: (app) =>
      whatsAppCloudRoutes(app, { verifyToken: options.verifyToken, appSecret: options.appSecret, handleNotification: (body) => channel.handleNotification(body) }),
  };
}
