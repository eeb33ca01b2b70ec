import { formatDateIndian, type IsoDate } from '../../../core/ledger/dates';
import type { BusinessDetails } from '../../../core/reminders/settings';
import { buildStatement } from '../../../core/reminders/statement/statement';
import { renderStatementPdf } from '../../reminders/statement-pdf';
import type { LedgerSnapshot } from './ledger-snapshot';

/** Builds the customer's statement of account up to `asOf` as a PDF e-mail attachment. */
export async function statementAttachment(snapshot: LedgerSnapshot, customerId: number, asOf: IsoDate, business: BusinessDetails, now: Date) {
  const customer = snapshot.customers.find((candidate) => candidate.id === customerId);
  if (customer === undefined) throw new Error(`Customer ${customerId} is not in the ledger any more, so no statement can be attached.`);
  const statement = buildStatement(customer, snapshot.invoices, snapshot.payments, snapshot.allocations, snapshot.creditNotes, asOf);
  const content = await renderStatementPdf(statement, { business, createdAt: now });
  return { filename: `Statement-of-account-${formatDateIndian(asOf).replaceAll('/', '-')}.pdf`, content, contentType: 'application/pdf' };
}
