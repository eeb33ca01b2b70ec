import { NEVER } from '../index/days';
import type { LedgerIndex } from '../index/ledger-index';

export type PromiseStatus = 'kept' | 'broken' | 'pending';

export interface PromiseOutcome {
  readonly promiseId: number;
  readonly status: PromiseStatus;
  /** Amount received between the day the promise was made and the promised date. */
  readonly receivedMinor: number;
  /** Day the promise counts as broken (the day after the promised date), or NEVER. */
  readonly brokenDay: number;
}

/**
 * Judges each promise to pay of a customer at the as-of date. A promise is kept when payments
 * dated from the day it was made to the promised date cover its amount, or when the promised
 * invoice is fully settled by the promised date. Payments reversed by the as-of date count for
 * nothing. A promise whose date has passed uncovered is broken; one whose date is the as-of date
 * or later is pending until covered.
 */
export function promiseOutcomes(index: LedgerIndex, customer: number): PromiseOutcome[] {
  const outcomes: PromiseOutcome[] = [];
  const end = index.promiseStart[customer + 1] ?? 0;
  for (let promise = index.promiseStart[customer] ?? 0; promise < end; promise++) {
    const madeDay = index.promiseMadeDay[promise] ?? 0;
    const promisedDay = index.promisedDay[promise] ?? 0;
    const invoice = index.promiseInvoice[promise] ?? -1;
    const received = invoice >= 0
      ? receivedOnInvoice(index, invoice, madeDay, promisedDay)
      : receivedOnAccount(index, customer, madeDay, promisedDay);
    const settledInTime = invoice >= 0 && (index.settledDay[invoice] ?? NEVER) <= promisedDay;
    const covered = settledInTime || received >= (index.promiseAmount[promise] ?? 0);

    let status: PromiseStatus = 'pending';
    if (covered) status = 'kept';
    else if (promisedDay < index.asOfDay) status = 'broken';
    outcomes.push({
      promiseId: index.promises[promise]!.id,
      status,
      receivedMinor: received,
      brokenDay: status === 'broken' ? promisedDay + 1 : NEVER,
    });
  }
  return outcomes;
}

function receivedOnInvoice(index: LedgerIndex, invoice: number, fromDay: number, toDay: number): number {
  let received = 0;
  for (let event = index.eventStart[invoice] ?? 0; event < (index.eventStart[invoice + 1] ?? 0); event++) {
    const day = index.eventDay[event] ?? 0;
    const amount = index.eventAmount[event] ?? 0;
    const payment = index.eventPayment[event] ?? -1;
    const reversed = payment >= 0 && index.paymentReversedDay[payment] !== NEVER;
    if (amount > 0 && !reversed && day >= fromDay && day <= toDay) received += amount;
  }
  return received;
}

function receivedOnAccount(index: LedgerIndex, customer: number, fromDay: number, toDay: number): number {
  let received = 0;
  for (let payment = index.paymentStart[customer] ?? 0; payment < (index.paymentStart[customer + 1] ?? 0); payment++) {
    const day = index.paymentDay[payment] ?? 0;
    if (day >= fromDay && day <= toDay && index.paymentReversedDay[payment] === NEVER) received += index.paymentAmount[payment] ?? 0;
  }
  return received;
}
