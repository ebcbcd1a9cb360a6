import type { Logger } from '../logger';
import type { PrivacyRegistry } from '../privacy';
import type { Job } from './scheduler';

const DAY_MS = 86_400_000;

/** The retention purge: every holder deletes what is older than the configured days; the log gets counts only. */
export function retentionPurgeJob(privacy: PrivacyRegistry, retentionDays: number, log: Logger, intervalMs = 60 * 60 * 1000): Job {
  return {
    name: 'retention-purge',
    intervalMs,
    run: async (now) => {
      const counts = await privacy.purge(new Date(now.getTime() - retentionDays * DAY_MS));
      log.info({ job: 'retention-purge', retentionDays, deleted: counts }, 'retention purge done');
    },
  };
}
