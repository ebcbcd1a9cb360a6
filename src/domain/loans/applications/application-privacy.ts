import type { DataSubject, ErasureResult, HeldData, PersonalDataHolder } from '../../../core/privacy';
import type { LoanStore } from '../lending/loan-store';
import type { ApplicationDecisions } from './decisions';
import type { Application, ApplicationStore } from './application-store';

const RUNNING_LOAN = new Set(['reserved', 'active']);

/**
 * Loan applications as personal data (name, address, phone, e-mail, the chat address): shown on
 * "what do you keep?", and erased on request: an undecided application is withdrawn first (its
 * training place is freed). A running loan keeps its data until the laptop is back, and the resident
 * is told why. Closed applications and finished loans lose their personal data after the retention time.
 */
export class LoanDataHolder implements PersonalDataHolder {
  readonly name = 'loans';

  constructor(
    private readonly applications: ApplicationStore,
    private readonly loans: LoanStore,
    private readonly decisions: ApplicationDecisions,
  ) {}

  async export(subject: DataSubject): Promise<HeldData> {
    const applications = (await this.applications.ofUser(subject)).filter((a) => a.erasedAt === null);
    const records = await Promise.all(applications.map(async (a) => {
      const loan = await this.loans.ofApplication(a._id);
      return {
        reference: a.reference, status: a.status, name: a.name, street: a.street, postcode: a.postcode, phone: a.phone, email: a.email,
        preferredLanguage: a.preferredLanguage, device: a.device, trainingSession: a.training?.sessionId ?? null, submittedAt: a.submittedAt,
        decidedAt: a.decidedAt, loan: loan ? { status: loan.status, handedOutAt: loan.handedOutAt, dueAt: loan.dueAt, returnedAt: loan.returnedAt } : null,
      };
    }));
    return { holder: this.name, label: 'application.privacy_label', records };
  }

  async erase(subject: DataSubject, at: Date): Promise<ErasureResult> {
    const applications = (await this.applications.ofUser(subject)).filter((a) => a.erasedAt === null);
    const running = await this.runningLoans(applications);
    for (const application of applications) if (!running.has(application._id)) await this.decisions.withdraw(application, at);
    const erasable = applications.filter((a) => !running.has(a._id)).map((a) => a._id);
    const erased = await this.applications.anonymize(erasable, at);
    await this.loans.anonymize(erasable);
    return { holder: this.name, erased, keptBecause: running.size > 0 ? ['application.privacy_kept_loan'] : [] };
  }

  async purge(before: Date): Promise<number> {
    const ids = [...(await this.applications.closedBefore(before)), ...(await this.loans.returnedBefore(before))];
    const erased = await this.applications.anonymize(ids, before);
    await this.loans.anonymize(ids);
    return erased;
  }

  private async runningLoans(applications: Application[]): Promise<Set<string>> {
    const loans = await Promise.all(applications.map((a) => this.loans.ofApplication(a._id)));
    return new Set(loans.flatMap((loan) => (loan && RUNNING_LOAN.has(loan.status) ? [loan.applicationId] : [])));
  }
}
