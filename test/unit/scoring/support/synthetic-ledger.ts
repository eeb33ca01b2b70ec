import { addDays } from '../../../../core/ledger/dates';
import type { LedgerSnapshot } from '../../../../core/scoring/types';
import { LedgerBuilder, seededRandom } from './ledger-builder';

/**
 * A ledger whose customers each pay late with their own probability, so late payment is
 * predictable from history. Invoices run from 2023-01-01 for `days` days with 30-day terms. A
 * late invoice is paid 1-40 days after its due date, and an on-time one 5-30 days after issue.
 */
export function syntheticLedger(seed: number, customerCount: number, invoicesPerCustomer: number, days = 560): LedgerSnapshot {
  const random = seededRandom(seed);
  const ledger = new LedgerBuilder();
  for (let c = 0; c < customerCount; c++) {
    const customer = ledger.customer({ segment: c % 4 === 0 ? 'retail' : null, creditLimitMinor: c % 3 === 0 ? 500_000 : null });
    const lateness = random() < 0.5 ? 0.1 + 0.2 * random() : 0.5 + 0.4 * random();
    for (let n = 0; n < invoicesPerCustomer; n++) {
      const issue = addDays('2023-01-01', Math.floor(random() * days));
      const invoice = ledger.invoice(customer, issue, addDays(issue, 30), 1_000 + Math.floor(random() * 99_000));
      const late = random() < lateness;
      ledger.pay(invoice, late ? addDays(issue, 31 + Math.floor(random() * 40)) : addDays(issue, 5 + Math.floor(random() * 26)));
      if (late && random() < 0.3) ledger.dispute(invoice, addDays(issue, 35), addDays(issue, 60));
    }
  }
  return ledger.snapshot();
}
