import { checkIdentifiers, splitContactList } from '../build/identifiers';
import { customerKeyOf } from '../build/customers';
import type { TermsLookup } from '../build/terms';
import type { RowCells, TableContext } from './row-cells';

/**
 * Reads the customer of a row and adds or updates its draft. `partyName` is the customer named by
 * a party-name row above, used when the row has no customer column or an empty one. Returns the
 * customer key, or null (reported as an error) when the row names no customer.
 */
export function readRowCustomer(cells: RowCells, context: TableContext, partyName: string | null, terms: TermsLookup): string | null {
  const name = cells.text('customerName') ?? partyName;
  const externalRef = cells.text('customerRef');
  if (name === null && externalRef === null) {
    cells.report(
      cells.has('customerName') ? 'customerName' : null,
      'missing-customer',
      'The customer is missing: the row has no customer name or ID, and no party-name row above it.',
    );
    return null;
  }
  const displayName = name ?? externalRef ?? '';
  const { columns, collector } = context;
  const key = customerKeyOf(externalRef, displayName);
  const known = collector.customer(key);

  const identifiers = checkIdentifiers(
    {
      gstin: cells.text('customerGstin'),
      pan: cells.text('customerPan'),
      emails: splitContactList(cells.text('customerEmail')),
      phones: splitContactList(cells.text('customerPhone')),
    },
    cells.number,
    {
      gstin: columns.header('customerGstin'),
      pan: columns.header('customerPan'),
      email: columns.header('customerEmail'),
      phone: columns.header('customerPhone'),
    },
    (problem) => collector.problem(problem),
  );

  let paymentTermsDays = cells.has('customerTermsDays') ? cells.integer('customerTermsDays', 'Customer terms') : null;
  if (paymentTermsDays === null && known === undefined) paymentTermsDays = terms(externalRef, displayName);

  return collector.upsertCustomer({
    externalRef,
    name: displayName,
    gstin: identifiers.gstin,
    pan: identifiers.pan,
    contacts: identifiers.contacts,
    address: cells.text('customerAddress'),
    paymentTermsDays,
    sourceRow: cells.number,
  });
}
