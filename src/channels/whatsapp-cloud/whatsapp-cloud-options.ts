import type { Config } from '../../config';
import { AppError } from '../../core/errors';

/** The Cloud API channel's settings, checked together (the config schema checks each variable alone). */
export interface WhatsAppCloudOptions {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  /** Graph API base URL with its version, e.g. https://graph.facebook.com/v23.0 (a fake in tests). */
  graphUrl: string;
}

const REQUIRED = ['WHATSAPP_CLOUD_ACCESS_TOKEN', 'WHATSAPP_CLOUD_PHONE_NUMBER_ID', 'WHATSAPP_CLOUD_APP_SECRET', 'WHATSAPP_CLOUD_VERIFY_TOKEN'] as const;

/** Reads the Cloud API settings; undefined when none is set, a start-up error naming the missing ones when some are. */
export function whatsAppCloudOptions(config: Config): WhatsAppCloudOptions | undefined {
  const missing = REQUIRED.filter((name) => !config[name]);
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0) throw new AppError('CONFIG_INVALID', `${missing.join(', ')}: required when another WHATSAPP_CLOUD_* secret is set`);
  return {
    accessToken: config.WHATSAPP_CLOUD_ACCESS_TOKEN ?? '',
    phoneNumberId: config.WHATSAPP_CLOUD_PHONE_NUMBER_ID ?? '',
    appSecret: config.WHATSAPP_CLOUD_APP_SECRET ?? '',
    verifyToken: config.WHATSAPP_CLOUD_VERIFY_TOKEN ?? '',
    graphUrl: config.WHATSAPP_CLOUD_GRAPH_URL.replace(/\/+$/, ''),
  };
}
