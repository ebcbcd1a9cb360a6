import type { Job } from '../../core/jobs/scheduler';
import type { ClaimStore } from '../../storage/claims';
import type { CaseService } from './case-service';
import type { CaseStore } from './case-store';

/** What the periodic handoff jobs need. */
export interface HandoffJobDeps {
  store: CaseStore;
  service: CaseService;
  claims: ClaimStore;
}

const MINUTE = 60_000;

/**
 * Re-alerts waiting cases nobody claimed (after the configured staffed minutes; each re-alert is a
 * unique claim, so two processes never send it twice) and expires cases that waited too long.
 * Transcripts past the retention go with the app's privacy purge (HandoffDataHolder).
 */
export function handoffJobs(deps: HandoffJobDeps): Job[] {
  const { store, service } = deps;
  const { content, hours, renderer } = service.deps;

  const realert = async (now: Date): Promise<void> => {
    for (const doc of await store.list(['waiting'])) {
      if (hours.minutesBetween(doc.createdAt, now) >= content.expireAfterBusinessHours * 60) {
        await expire(doc._id, now);
        continue;
      }
      if (hours.minutesBetween(doc.lastAlertAt, now) < content.sla.realertAfterMinutes) continue;
      const count = doc.alertCount + 1;
      if (!(await deps.claims.claim('case-alert', `${doc._id}:${count}`, 'realert', now))) continue;
      await store.patch(doc._id, { lastAlertAt: now, alertCount: count });
      await service.publish('case.realert', { ...doc, alertCount: count });
    }
  };

  const expire = async (caseId: string, now: Date): Promise<void> => {
    const expired = await service.transition(caseId, 'expire', 'system', { closedAt: now }).catch(() => null);
    if (expired) await service.send(expired, [renderer.message(expired.language, ['case.expired'])]);
  };

  return [
    { name: 'handoff.realert', intervalMs: MINUTE, run: realert },
  ];
}
