import { AppError } from '../../../core/errors';
import type { DeviceStore } from '../inventory/device-store';
import type { Actor } from '../transitions';
import { addYears, type Loan, type LoanStore } from './loan-store';

/** What happens to a returned device: back in stock for the next resident, or to repair first. */
export type ReturnedTo = 'in_stock' | 'repair';

/**
 * The loan after approval: staff hand the device out (the two years start, the due date is set) and
 * take it back (the loan closes, the device is free again). Each step is a versioned transition.
 */
export class Lending {
  constructor(
    private readonly loans: LoanStore,
    private readonly devices: DeviceStore,
    private readonly durationYears: number,
  ) {}

  async handOut(loanId: string, actor: Actor): Promise<Loan> {
    const loan = await this.require(loanId, 'reserved');
    const dueAt = addYears(actor.at, this.durationYears);
    if (!(await this.loans.transition(loan, 'active', actor, { handedOutAt: actor.at, dueAt }))) throw new AppError('CONFLICT', 'the loan changed meanwhile');
    return { ...loan, status: 'active', version: loan.version + 1, handedOutAt: actor.at, dueAt };
  }

  /** Closes the loan and frees its device; the waiting-list job then gives it to the next resident. */
  async giveBack(loanId: string, to: ReturnedTo, actor: Actor): Promise<Loan> {
    const loan = await this.require(loanId, 'active');
    if (!(await this.loans.transition(loan, 'returned', actor, { returnedAt: actor.at }))) throw new AppError('CONFLICT', 'the loan changed meanwhile');
    const device = await this.devices.get(loan.deviceId);
    if (device && !(await this.devices.transition(device, to, actor, null))) throw new AppError('CONFLICT', 'the device changed meanwhile');
    return { ...loan, status: 'returned', version: loan.version + 1, returnedAt: actor.at };
  }

  private async require(loanId: string, status: Loan['status']): Promise<Loan> {
    const loan = await this.loans.get(loanId);
    if (!loan) throw new AppError('NOT_FOUND', 'no such loan');
    if (loan.status !== status) throw new AppError('CONFLICT', `the loan is ${loan.status}`);
    return loan;
  }
}
