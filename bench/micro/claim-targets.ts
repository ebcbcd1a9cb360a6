import type { Connection } from 'mongoose';
import { ChannelRegistry } from '../../src/channels/channel';
import { loadConfig } from '../../src/config';
import { loadServiceContent } from '../../src/content/service-content';
import { serviceTextVariables } from '../../src/content/text-variables';
import { MessageRenderer } from '../../src/core/dialog/renderer';
import { AppError } from '../../src/core/errors';
import { I18nextTranslator, readLocaleResources } from '../../src/core/i18n/translator';
import { newState } from '../../src/core/state';
import { BusinessHours, loadBusinessHours } from '../../src/domain/handoff/business-hours';
import { CaseEventHub } from '../../src/domain/handoff/case-events';
import { CaseIntake } from '../../src/domain/handoff/case-intake';
import { CaseService } from '../../src/domain/handoff/case-service';
import { CaseStore } from '../../src/domain/handoff/case-store';
import { loadHandoffContent } from '../../src/domain/handoff/handoff-content';
import { TurnLog } from '../../src/domain/handoff/turn-log';
import { MongoAuditLog } from '../../src/staff/audit';
import { ClaimStore } from '../../src/storage/claims';
import { CounterStore } from '../../src/storage/counters';

/** One way to claim a case: `prepare` makes the cases, `attempt` is true for the one staff member who got it. */
export interface ClaimTarget {
  implementation: string;
  prepare(count: number, prefix: string): Promise<string[]>;
  attempt(caseId: string, agent: number): Promise<boolean>;
}

/** The channel the benchmark's residents are on: claims tell the resident, and this takes the message. */
const BENCH_CHANNEL = { channel: 'bench', sendProactive: async (): Promise<void> => undefined };

/**
 * The handoff feature's own claim, built the way handoffFeature builds it (real stores, content and
 * texts): a place of the staff member's cap (a ClaimStore claim), then the versioned "claim"
 * transition (insert under the unique (case, version)), audit, event and the message to the resident.
 * The loser gets CONFLICT (HTTP 409 on the staff API).
 */
export function handoffClaimTarget(connection: Connection): ClaimTarget {
  const config = loadConfig({});
  const translator = new I18nextTranslator(readLocaleResources(config.paths.locales));
  const renderer = new MessageRenderer(translator, serviceTextVariables(loadServiceContent(config.paths.content), { transcriptRetentionDays: config.TRANSCRIPT_RETENTION_DAYS }));
  const content = loadHandoffContent(config.paths.content, (language, key) => translator.has(language, key));
  const service = new CaseService({
    store: new CaseStore(connection), claims: new ClaimStore(connection), events: new CaseEventHub(connection), audit: new MongoAuditLog(connection),
    channels: new ChannelRegistry().add(BENCH_CHANNEL), renderer, hours: new BusinessHours(loadBusinessHours(config.paths.content)), content, clock: () => new Date(),
  });
  const intake = new CaseIntake(service, new CounterStore(connection), new TurnLog(connection));
  const reason = Object.keys(content.reasons)[0] ?? 'resident_request';
  return {
    implementation: 'handoff CaseService.claim (src/domain/handoff): a cap place as a ClaimStore claim, then the versioned claim transition; 1 staff member per attempt',
    prepare: async (count, prefix) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const address = { channel: BENCH_CHANNEL.channel, conversationId: `${prefix}-${i}`, userId: `${prefix}-${i}` };
        ids.push((await intake.open({ address, language: 'nl', reason, state: newState('nl'), now: new Date() })).doc._id);
      }
      return ids;
    },
    attempt: (caseId, agent) => service.claim(caseId, { id: `agent-${agent}`, email: `agent-${agent}@bench.invalid`, role: 'agent' }).then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'CONFLICT') return false;
        throw error;
      },
    ),
  };
}

/** The bare first-writer-wins insert under a unique _id that every claim in the code base rests on. */
export function claimStoreTarget(connection: Connection): ClaimTarget {
  const store = new ClaimStore(connection);
  return {
    implementation: 'ClaimStore.claim (src/storage/claims.ts): one insert under the unique _id "case:<id>"',
    prepare: async (count, prefix) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`),
    attempt: (caseId, agent) => store.claim('case', caseId, `agent-${agent}`, new Date()),
  };
}
