import type { Logger } from '../../core/logger';
import type { LeaseStore } from '../../core/ports';
import type { LinkState, LinkStatusStore } from './link-status';
import type { WaMessage, WhatsAppWebClient } from './whatsapp-web-client';

/** How long things may take; production uses minutes, tests milliseconds. */
export interface PhoneLinkTimings {
  /** `initialize()` navigates without a timeout and can hang on a bad network. */
  initTimeoutMs: number;
  /** First wait before another attempt; it doubles per failure up to `retryMaxMs`. */
  retryFirstMs: number;
  retryMaxMs: number;
  /** The phone's lease; it is renewed three times per period. */
  leaseTtlMs: number;
}

/** What the channel does with a linked phone. */
export interface PhoneLinkHandlers {
  qr(qr: string): void;
  ready(client: WhatsAppWebClient): Promise<void>;
  message(client: WhatsAppWebClient, message: WaMessage): Promise<void>;
}

/** What the link needs: a client factory (a new client per attempt), the lease, the status store. */
export interface PhoneLinkOptions {
  createClient: () => WhatsAppWebClient;
  leases: LeaseStore;
  owner: string;
  status: LinkStatusStore;
  timings: PhoneLinkTimings;
  handlers: PhoneLinkHandlers;
  clock: () => Date;
  log: Logger;
}

/** The lease that makes one process the owner of the linked phone. */
export const PHONE_LEASE_KEY = 'whatsapp-web:phone';

/**
 * Keeps one WhatsApp Web session alive in the one process that holds the phone's lease: starts the
 * client with a timeout, retries with exponential backoff, starts a new client after 'disconnected',
 * and gives the phone up when the lease is lost (another process then takes over).
 */
export class PhoneLink {
  private client?: WhatsAppWebClient;
  private linked = false;
  private holdsLease = false;
  private stopped = true;
  private failures = 0;
  /** When this process last took or renewed the lease (ms since the epoch). */
  private renewedAt = 0;
  private connecting?: Promise<void>;
  private leaseTimer?: NodeJS.Timeout;
  private readonly waits = new Set<() => void>();

  constructor(private readonly options: PhoneLinkOptions) {}

  /** Takes part in the election now and then every third of the lease period. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.electionTick();
  }

  /** The client, while this process holds the phone and it is linked. */
  readyClient(): WhatsAppWebClient | undefined {
    return this.linked ? this.client : undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.leaseTimer);
    this.waits.forEach((wake) => wake());
    await this.dropClient();
    if (this.holdsLease) await this.options.leases.release(PHONE_LEASE_KEY, this.options.owner).catch(() => undefined);
    this.holdsLease = false;
  }

  private async electionTick(): Promise<void> {
    const { leases, owner, timings, clock, log } = this.options;
    const now = clock();
    const taken = await leases.acquire(PHONE_LEASE_KEY, owner, timings.leaseTtlMs, now).catch(() => undefined);
    if (taken) this.renewedAt = now.getTime();
    // A database hiccup (undefined) is not a lost lease: keep the phone while the last renewal is valid.
    const held = taken ?? (this.holdsLease && now.getTime() - this.renewedAt < timings.leaseTtlMs);
    if (this.stopped) return;
    const was = this.holdsLease;
    this.holdsLease = held;
    if (held && !was) {
      log.info({ component: 'whatsapp-web' }, 'this process holds the WhatsApp phone');
      void this.connect();
    } else if (!held && was) {
      log.warn({ component: 'whatsapp-web' }, 'lost the WhatsApp phone lease; another process takes over');
      await this.dropClient();
    }
    this.leaseTimer = setTimeout(() => void this.electionTick(), Math.max(1, Math.floor(timings.leaseTtlMs / 3)));
  }

  /** Starts a new client until one initializes, waiting longer after each failure; one loop at a time. */
  private connect(): Promise<void> {
    this.connecting ??= this.connectLoop().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connectLoop(): Promise<void> {
    while (!this.stopped && this.holdsLease) {
      const client = this.options.createClient();
      this.client = client;
      this.listen(client);
      await this.setState('starting');
      try {
        await withTimeout(client.initialize(), this.options.timings.initTimeoutMs);
        return;
      } catch (error) {
        this.options.log.warn({ component: 'whatsapp-web', failures: this.failures + 1, error: error instanceof Error ? error.message : String(error) }, 'WhatsApp Web did not start');
        await this.dropClient();
        await this.setState('disconnected');
        await this.wait(this.backoffMs());
      }
    }
  }

  private listen(client: WhatsAppWebClient): void {
    const current = (): boolean => this.client === client && !this.stopped;
    client.on('qr', (qr) => {
      if (!current()) return;
      void this.setState('waiting_for_scan', qr);
      this.options.handlers.qr(qr);
    });
    client.on('ready', () => {
      if (!current()) return;
      this.linked = true;
      this.failures = 0;
      void this.setState('linked').then(() => this.options.handlers.ready(client)).catch((error: unknown) => this.logFailure('ready', error));
    });
    client.on('message', (message) => {
      if (current()) this.options.handlers.message(client, message).catch((error: unknown) => this.logFailure('message', error));
    });
    client.on('disconnected', (reason) => {
      if (!current()) return;
      this.options.log.warn({ component: 'whatsapp-web', reason: String(reason) }, 'WhatsApp Web disconnected; reconnecting');
      void this.reconnect();
    });
  }

  private async reconnect(): Promise<void> {
    await this.dropClient();
    await this.setState('disconnected');
    await this.wait(this.backoffMs());
    if (this.client === undefined) await this.connect();
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.linked = false;
    if (client) await withTimeout(client.destroy(), this.options.timings.initTimeoutMs).catch(() => undefined);
  }

  private backoffMs(): number {
    const { retryFirstMs, retryMaxMs } = this.options.timings;
    const ms = Math.min(retryMaxMs, retryFirstMs * 2 ** this.failures);
    this.failures += 1;
    return ms;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }

  private async setState(state: LinkState, qr?: string): Promise<void> {
    await this.options.status.set(state, this.options.clock(), qr).catch((error: unknown) => this.logFailure('status', error));
  }

  private logFailure(what: string, error: unknown): void {
    this.options.log.error({ component: 'whatsapp-web', what, error: error instanceof Error ? error.name : typeof error }, 'WhatsApp Web handler failed');
  }
}

/** Rejects when the promise has not settled in time (the promise itself goes on and is ignored). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
