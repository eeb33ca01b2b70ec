import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../main/services/index';

/** The customer the privacy tests export or erase, with every value that identifies it. */
export const kapoor = {
  name: 'Kapoor Electricals Zenith',
  code: 'KAP-01',
  gstin: '27AAPFU0939F1ZV',
  pan: 'AAPFU0939F',
  email: 'accounts@kapoor-zenith.example',
  phone: '+919820012345',
  address: '12 Lamington Road, Mumbai',
  description: 'Copper wire for the Worli site',
} as const;

export const bharat = { name: 'Bharat Stores Lucknow', code: 'BHA-02', email: 'ops@bharat-stores.example', phone: '+919811122233' } as const;

function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

/**
 * Imports a small ledger through the real import service: Kapoor with two invoices (one paid),
 * Bharat with one paid invoice, and `fillerCustomers` more customers with one invoice each.
 */
export async function importPrivacyLedger(services: Services, folder: string, fillerCustomers = 0): Promise<{ kapoorId: number; bharatId: number }> {
  const header = ['Customer Name', 'Customer Code', 'GSTIN', 'PAN', 'Email', 'Phone', 'Address', 'Invoice Number', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Description', 'Payment Date', 'Paid Amount'];
  const kapoorCells = [kapoor.name, kapoor.code, kapoor.gstin, kapoor.pan, kapoor.email, kapoor.phone, kapoor.address];
  const lines = [
    csvLine(header),
    csvLine([...kapoorCells, 'K-1001', '2025-01-05', '2025-02-04', '118000.00', 'INR', kapoor.description, '2025-02-01', '118000.00']),
    csvLine([...kapoorCells, 'K-1002', '2025-03-05', '2025-04-04', '50000.50', 'INR', 'Switchgear', '', '']),
    csvLine([bharat.name, bharat.code, '', '', bharat.email, bharat.phone, 'Aminabad, Lucknow', 'B-2001', '2025-02-10', '2025-03-12', '2360.00', 'INR', 'Service', '2025-03-01', '2360.00']),
  ];
  for (let index = 0; index < fillerCustomers; index += 1) {
    lines.push(csvLine([`Filler Trading ${index}`, `FIL-${index}`, '', '', `filler${index}@example.com`, '', `Shop ${index}, Pune`, `F-${index}`, '2025-01-10', '2025-02-09', `${1000 + index}.00`, 'INR', `Goods lot ${index}`, '', '']));
  }
  const path = join(folder, 'privacy-ledger.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  const file = services.imports.intake.registerPath(path);
  await services.imports.commit(file.fileId, {});
  const { db } = services.session.require().database;
  const kapoorRow = await db.selectFrom('customers').select('id').where('external_ref', '=', kapoor.code).executeTakeFirstOrThrow();
  const bharatRow = await db.selectFrom('customers').select('id').where('external_ref', '=', bharat.code).executeTakeFirstOrThrow();
  return { kapoorId: kapoorRow.id, bharatId: bharatRow.id };
}
