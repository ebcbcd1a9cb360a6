import type { Feature, FeatureDeps } from '../../features';
import { ClaimStore } from '../../storage/claims';
import { CounterStore } from '../../storage/counters';
import { caseRoutes } from '../../staff/case-routes';
import { addCasePages } from '../../staff/case-pages';
import { BusinessHours, loadBusinessHours } from './business-hours';
import { CaseIntake } from './case-intake';
import { CaseService } from './case-service';
import { CaseStore } from './case-store';
import { HandoffDataHolder } from './handoff-data-holder';
import { handoffJobs } from './handoff-jobs';
import { loadHandoffContent } from './handoff-content';
import { handoffMiddleware } from './handoff-middleware';
import { openCaseAction, registerHandoffActions } from './open-case-action';
import { TurnLog } from './turn-log';

/** Human handoff: the case queue, the resident's side (relay, cancel, CSAT) and the staff workspace. */
export function handoffFeature(deps: FeatureDeps): Feature {
  const content = loadHandoffContent(deps.config.paths.content, (language, key) => deps.translator.has(language, key));
  const hoursData = loadBusinessHours(deps.config.paths.content);
  const placeholders = [...content.placeholders.map((p) => `handoff.yaml:${p}`), ...hoursData.placeholders.map((p) => `business-hours.yaml:${p}`)];
  if (placeholders.length > 0) deps.logger.warn({ placeholders }, 'handoff content still has PLACEHOLDER values');
  const hours = new BusinessHours(hoursData);
  const store = new CaseStore(deps.connection);
  const claims = new ClaimStore(deps.connection);
  const turns = new TurnLog(deps.connection);
  const { renderer, channels, clock } = deps;
  const service = new CaseService({ store, claims, events: deps.caseEvents, audit: deps.audit, channels, renderer, hours, content, clock });
  deps.privacy.register(new HandoffDataHolder(store, turns));
  const intake = new CaseIntake(service, new CounterStore(deps.connection), turns);
  addCasePages(deps.dashboard, { store, service, content, directory: deps.staffDirectory, hours });

  return {
    name: 'handoff',
    registerActions: (actions) => registerHandoffActions(actions, openCaseAction(intake, channels, hours)),
    middleware: () => [handoffMiddleware({ store, service, intake, turns, content, renderer, hours })],
    registerRoutes: async (app) => caseRoutes(app, { store, service, content, auth: deps.staffAuth, audit: deps.audit, directory: deps.staffDirectory, events: deps.caseEvents, hours, turns, metrics: deps.metrics, clock }),
    jobs: () => handoffJobs({ store, service, claims }),
  };
}
