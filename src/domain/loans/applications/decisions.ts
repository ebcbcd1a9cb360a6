import { AppError } from '../../../core/errors';
import type { DeviceStore, Device, DeviceType } from '../inventory/device-store';
import type { Loan, LoanStore } from '../lending/loan-store';
import type { ResidentNotifier } from '../notifier';
import type { TrainingPlaces } from '../training/training-places';
import type { Actor } from '../transitions';
import type { Application, ApplicationStatus, ApplicationStore, DevicePreference } from './application-store';

/** What a decision did, for the staff API's answer. */
export interface DecisionResult {
  application: Application;
  device?: Device;
  loan?: Loan;
  /** Whether the resident was told on their channel. */
  notified: boolean;
}

const TYPES_FOR: Record<DevicePreference, readonly DeviceType[]> = { laptop: ['laptop'], chromebook: ['chromebook'], either: ['laptop', 'chromebook'] };
const OPEN: readonly ApplicationStatus[] = ['submitted', 'waitlisted'];

/** What the decisions need; built once by the feature. */
export interface DecisionDeps {
  applications: ApplicationStore;
  devices: DeviceStore;
  loans: LoanStore;
  training: TrainingPlaces;
  notifier: ResidentNotifier;
  rejectionReasons: readonly string[];
}

/**
 * Staff decisions on applications and the resident's withdrawal. Every change goes through the
 * transition log (a concurrent change gives CONFLICT, HTTP 409); approving takes a device through the
 * device's own transition, so two approvals never get the same laptop, and without stock the
 * application joins the waiting list in order of application. The resident is told each outcome.
 */
export class ApplicationDecisions {
  constructor(private readonly deps: DecisionDeps) {}

  async approve(id: string, actor: Actor): Promise<DecisionResult> {
    const application = await this.open(id);
    const device = await this.deps.devices.assign(TYPES_FOR[application.device], application._id, actor);
    if (!device) return application.status === 'waitlisted' ? { application, notified: false } : this.toWaitlist(application, actor);
    return this.grant(application, device, actor);
  }

  async reject(id: string, reason: string, actor: Actor): Promise<DecisionResult> {
    if (!this.deps.rejectionReasons.includes(reason)) throw new AppError('BAD_REQUEST', `unknown rejection reason "${reason}"`);
    const application = await this.open(id);
    await this.move(application, 'rejected', actor, { rejectionReason: reason, decidedAt: actor.at });
    await this.freeTraining(application);
    const notified = await this.deps.notifier.tell(application, ['application.notice.rejected', `application.rejection.${reason}`, 'application.notice.questions'], { reference: application.reference });
    return { application: { ...application, status: 'rejected', rejectionReason: reason }, notified };
  }

  async waitlist(id: string, actor: Actor): Promise<DecisionResult> {
    const application = await this.open(id);
    if (application.status === 'waitlisted') throw new AppError('CONFLICT', 'already on the waiting list');
    return this.toWaitlist(application, actor);
  }

  /** The resident withdraws while nothing is decided yet; false when it is too late (decided, or a change won). */
  async withdraw(application: Application, at: Date): Promise<boolean> {
    if (!OPEN.includes(application.status)) return false;
    if (!(await this.deps.applications.transition(application, 'withdrawn', { who: 'resident', at }, { decidedAt: at }))) return false;
    await this.freeTraining(application);
    return true;
  }

  /** Gives devices back in stock to the waiting list, oldest application first; returns how many got one. */
  async serveWaitlist(actor: Actor): Promise<number> {
    let served = 0;
    for (const application of await this.deps.applications.waitlisted()) {
      const device = await this.deps.devices.assign(TYPES_FOR[application.device], application._id, actor);
      if (!device) continue;
      const result = await this.grant(application, device, actor).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'CONFLICT') return null;
        throw error;
      });
      if (result) served += 1;
    }
    return served;
  }

  private async grant(application: Application, device: Device, actor: Actor): Promise<DecisionResult> {
    const won = await this.deps.applications.transition(application, 'approved', actor, { deviceId: device._id, decidedAt: actor.at });
    if (!won) {
      await this.deps.devices.transition(device, 'in_stock', { who: actor.who, at: actor.at, note: 'approval lost a race' }, null);
      throw new AppError('CONFLICT', 'the application changed meanwhile');
    }
    const loan = await this.deps.loans.reserve({ applicationId: application._id, reference: application.reference, deviceId: device._id, address: application.address, language: application.language }, actor);
    const notified = await this.deps.notifier.tell(application, ['application.notice.approved'], { reference: application.reference });
    return { application: { ...application, status: 'approved', deviceId: device._id }, device, loan, notified };
  }

  private async toWaitlist(application: Application, actor: Actor): Promise<DecisionResult> {
    await this.move(application, 'waitlisted', actor, {});
    const waiting = { ...application, status: 'waitlisted' as const };
    const position = await this.deps.applications.waitlistPosition(waiting);
    const notified = await this.deps.notifier.tell(application, ['application.status.waitlisted'], { reference: application.reference, position });
    return { application: waiting, notified };
  }

  private async open(id: string): Promise<Application> {
    const application = await this.deps.applications.get(id);
    if (!application) throw new AppError('NOT_FOUND', 'no such application');
    if (!OPEN.includes(application.status)) throw new AppError('CONFLICT', `the application is ${application.status}`);
    return application;
  }

  private async move(application: Application, to: ApplicationStatus, actor: Actor, set: Partial<Application>): Promise<void> {
    if (!(await this.deps.applications.transition(application, to, actor, set))) throw new AppError('CONFLICT', 'the application changed meanwhile');
  }

  private async freeTraining(application: Application): Promise<void> {
    if (application.training) await this.deps.training.release(application.training, application._id);
  }
}
