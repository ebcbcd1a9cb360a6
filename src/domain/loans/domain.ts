import type { MessageRenderer } from '../../core/dialog/renderer';
import type { FeatureDeps } from '../../features';
import { ClaimStore } from '../../storage/claims';
import { CounterStore } from '../../storage/counters';
import { ApplicationDecisions } from './applications/decisions';
import { ApplicationStore } from './applications/application-store';
import { DeviceStore } from './inventory/device-store';
import { Lending } from './lending/lending';
import { LoanStore } from './lending/loan-store';
import { loadLoansContent, type LoansContent } from './loans-content';
import { ResidentNotifier } from './notifier';
import { TrainingPlaces } from './training/training-places';
import { TransitionLog } from './transitions';

/** The loans domain as one object: stores and services the dialogs, the staff API and the jobs share. */
export interface LoansDomain {
  content: LoansContent;
  durationYears: number;
  renderer: MessageRenderer;
  log: TransitionLog;
  applications: ApplicationStore;
  devices: DeviceStore;
  loans: LoanStore;
  training: TrainingPlaces;
  decisions: ApplicationDecisions;
  lending: Lending;
  counters: CounterStore;
  claims: ClaimStore;
  notifier: ResidentNotifier;
}

/** Builds the domain on the app's connection; reads and checks the staff files of content/ (a mistake stops start-up). */
export function createLoansDomain(deps: FeatureDeps): LoansDomain {
  const content = loadLoansContent(deps.config.paths.content, (key) => deps.translator.has('nl', key));
  const log = new TransitionLog(deps.connection);
  const applications = new ApplicationStore(deps.connection, log);
  const devices = new DeviceStore(deps.connection, log);
  const loans = new LoanStore(deps.connection, log);
  const claims = new ClaimStore(deps.connection);
  const training = new TrainingPlaces(claims, content.sessions);
  const notifier = new ResidentNotifier(deps.channels, deps.renderer, deps.logger);
  const decisions = new ApplicationDecisions({ applications, devices, loans, training, notifier, rejectionReasons: content.settings.rejectionReasons });
  const durationYears = deps.content.loan.durationYears;
  return {
    content, durationYears, renderer: deps.renderer, log, applications, devices, loans, training, decisions, claims, notifier,
    lending: new Lending(loans, devices, durationYears),
    counters: new CounterStore(deps.connection),
  };
}
