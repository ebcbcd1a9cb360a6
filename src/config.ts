import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './core/errors';
import { LANGUAGES } from './core/languages';

/** The project root, found from this file so that `dist/src` and `src` both resolve the data folders. */
export const PROJECT_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  // src/config.ts and dist/src/config.js both sit below the root; the root holds package.json.
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const fromRoot = (p: string): string => path.resolve(PROJECT_ROOT, p);
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: z.string().url().optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('nl'),
  DIALOGS_DIR: z.string().min(1).default('dialogs'),
  LOCALES_DIR: z.string().min(1).default('locales'),
  CONTENT_DIR: z.string().min(1).default('content'),
  NLU_DIR: z.string().min(1).default('nlu'),
  TURN_LEASE_MS: positiveInt.default(15000),
  // Connections to the database per process; 20 was fastest at 200 conversations on FerretDB (5: −35 %, 60: −38 %).
  DB_POOL_SIZE: positiveInt.default(20),
  MAX_FAILED_ANSWERS: positiveInt.default(3),
  MAX_MESSAGE_LENGTH: positiveInt.default(1000),
  TRANSCRIPT_RETENTION_DAYS: positiveInt.default(28),
  RATE_LIMIT_MESSAGES: positiveInt.default(30),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(60_000),
  // Outgoing e-mail (the donation certificate): no e-mail is sent while SMTP_URL is empty.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Digipunt Aalst <digipunt@example.org>'),
  // WhatsApp Web (unofficial client, src/channels/whatsapp-web): on only with WHATSAPP_WEB_ENABLED=true.
  WHATSAPP_WEB_ENABLED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  WHATSAPP_WEB_AUTH: z.enum(['local', 'remote']).default('local'),
  WHATSAPP_WEB_SESSION_DIR: z.string().min(1).default('data/whatsapp-web'),
  WHATSAPP_WEB_CHROMIUM: z.string().min(1).default('/usr/bin/chromium'),
  WHATSAPP_WEB_INIT_TIMEOUT_MS: positiveInt.default(90_000),
  // Microsoft Teams (src/channels/teams). Residents on /api/messages with TEAMS_ENABLED=true; without an
  // app id, authentication is off (Bot Framework Emulator). The staff app needs its own bot and a channel.
  TEAMS_ENABLED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  TEAMS_APP_ID: z.string().min(1).optional(),
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_APP_TENANT_ID: z.string().min(1).optional(),
  TEAMS_STAFF_ENABLED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  TEAMS_STAFF_APP_ID: z.string().min(1).optional(),
  TEAMS_STAFF_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_STAFF_CHANNEL_ID: z.string().min(1).optional(),
  // Telegram (src/channels/telegram): on when TELEGRAM_BOT_TOKEN is set; webhook mode needs the secret and PUBLIC_URL.
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'must look like 123456789:AA...').optional(),
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).default('webhook'),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[\w-]{16,256}$/, 'must be 16 to 256 letters, digits, _ or -').optional(),
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  // WhatsApp Business Cloud API (src/channels/whatsapp-cloud): on when the four WHATSAPP_CLOUD_* secrets are set.
  WHATSAPP_CLOUD_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, 'must be the numeric phone number id').optional(),
  WHATSAPP_CLOUD_APP_SECRET: z.string().min(1).optional(),
  WHATSAPP_CLOUD_VERIFY_TOKEN: z.string().min(1).optional(),
  WHATSAPP_CLOUD_GRAPH_URL: z.string().url().default('https://graph.facebook.com/v23.0'),
});

/** The parsed configuration; the only place the environment is read. */
export type Config = Omit<z.infer<typeof schema>, 'DATA_DIR' | 'DIALOGS_DIR' | 'LOCALES_DIR' | 'CONTENT_DIR' | 'NLU_DIR'> & {
  paths: { data: string; dialogs: string; locales: string; content: string; nlu: string };
};

/** Parses the environment once and fails fast, naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', problems);
  }
  const { DATA_DIR, DIALOGS_DIR, LOCALES_DIR, CONTENT_DIR, NLU_DIR, ...rest } = parsed.data;
  return {
    ...rest,
    paths: {
      data: fromRoot(DATA_DIR),
      dialogs: fromRoot(DIALOGS_DIR),
      locales: fromRoot(LOCALES_DIR),
      content: fromRoot(CONTENT_DIR),
      nlu: fromRoot(NLU_DIR),
    },
  };
}
