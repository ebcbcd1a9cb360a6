import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from '../../core/logger';

/** Makes credentials for outbound calls and says which app ids are ours (botframework-connector's type). */
export type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/**
 * Where tokens come from and are checked; by default Microsoft's public cloud, tests point them at a
 * local fake. All at once: as soon as one is set, botbuilder's factory uses none of its defaults.
 */
export type AuthEndpoints = Required<Pick<ConfigurationBotFrameworkAuthenticationOptions,
  'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromEmulatorOpenIdMetadataUrl' | 'ToBotFromChannelTokenIssuer' | 'ToChannelFromBotLoginUrl' |
  'ToChannelFromBotOAuthScope' | 'OAuthUrl' | 'CallerId' | 'ValidateAuthority'>>;

/** A bot registration from the configuration; no app id means authentication is off (Emulator). */
export interface BotCredentials {
  appId?: string;
  password?: string;
  tenantId?: string;
}

/** What tests replace: the token endpoints and the outbound credentials. */
export interface BotAuthOverrides {
  endpoints?: AuthEndpoints;
  credentialsFactory?: CredentialsFactory;
}

/** Everything a Bot Framework adapter needs to check inbound and sign outbound requests. */
export interface BotAuth {
  appId: string;
  options: ConfigurationBotFrameworkAuthenticationOptions;
  credentialsFactory: CredentialsFactory;
  authentication: ConfigurationBotFrameworkAuthentication;
}

/**
 * Builds the Bot Framework authentication of one bot. With an app id, every inbound request needs a
 * valid JWT from the Bot Connector; without one, authentication is off for local use with the Bot
 * Framework Emulator, and the log says so at start-up.
 */
export function createBotAuth(bot: string, credentials: BotCredentials, overrides: BotAuthOverrides, log: Logger): BotAuth {
  const appId = credentials.appId ?? '';
  if (!appId) log.warn({ bot }, `${bot}: no app id configured, so Bot Framework authentication is OFF (local use with the Emulator only)`);
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: credentials.password ?? '',
    MicrosoftAppType: credentials.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
    ...overrides.endpoints,
  };
  const credentialsFactory = overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId, MicrosoftAppPassword: credentials.password ?? '', MicrosoftAppType: options.MicrosoftAppType as string,
    MicrosoftAppTenantId: credentials.tenantId,
  });
  return { appId, options, credentialsFactory, authentication: new ConfigurationBotFrameworkAuthentication(options, credentialsFactory) };
}
