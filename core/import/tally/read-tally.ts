import { DraftCollector } from '../build/collector';
import { createTermsLookup } from '../build/terms';
import type { ImportLimits } from '../limits';
import type { ImportEvent, ImportHeader } from '../types';
import { XmlControlFilter } from '../xml/control-filter';
import { XmlStream } from '../xml/sax';
import { TallyObjectBuilder, type TallyElement } from './element';
import { addLedgerCustomer, type TallySettings } from './ledger-customer';
import { readLedgerInfo, type LedgerInfo } from './ledger-info';
import { TallyMasters } from './masters';
import { addVoucherEntry, voucherContext } from './voucher-drafts';
import { readVoucherInfo, type VoucherInfo } from './voucher-info';

export interface TallyOptions {
  readonly defaultCurrency: string;
  readonly defaultTermsDays?: number;
  readonly termsByCustomer?: Readonly<Record<string, number>>;
  readonly limits: ImportLimits;
}

/** Guesses the reserved type of a voucher type whose master is not in the file, from its name. */
function guessBaseType(typeName: string | null): string | null {
  if (typeName === null) return null;
  if (/credit\s*note/i.test(typeName)) return 'Credit Note';
  if (/debit\s*note/i.test(typeName)) return 'Debit Note';
  if (/receipt/i.test(typeName)) return 'Receipt';
  if (/sale|invoice/i.test(typeName)) return 'Sales';
  return null;
}

/**
 * Reads a Tally XML export. Ledgers under Sundry Debtors (and its sub-groups) become customers
 * with their opening bills. Sales and receipt vouchers on those ledgers become invoices and
 * payments. Objects whose ledgers or groups come later in the file wait until the end.
 */
class TallyReader {
  readonly masters = new TallyMasters();
  readonly collector: DraftCollector;
  private readonly ledgers = new Map<string, LedgerInfo>();
  private readonly customerKeys = new Map<string, string>();
  private readonly pendingLedgers: LedgerInfo[] = [];
  private readonly pendingVouchers: VoucherInfo[] = [];

  constructor(private readonly settings: TallySettings, limits: ImportLimits) {
    this.collector = new DraftCollector(limits);
  }

  onObject(element: TallyElement, index: number): void {
    this.collector.stats.rowsRead++;
    if (element.name === 'GROUP') this.masters.addGroup(element);
    else if (element.name === 'VOUCHERTYPE') this.masters.addVoucherType(element);
    else if (element.name === 'LEDGER') this.addLedger(element, index);
    else if (element.name === 'VOUCHER') this.addVoucher(readVoucherInfo(element, index), false);
  }

  private addLedger(element: TallyElement, index: number): void {
    const ledger = readLedgerInfo(element, index);
    if (ledger === null) return;
    this.ledgers.set(ledger.name.toLowerCase(), ledger);
    const debtor = this.masters.isDebtorGroup(ledger.parent);
    if (debtor === true) this.customerKeys.set(ledger.name.toLowerCase(), addLedgerCustomer(ledger, this.collector, this.settings));
    else if (debtor === null) this.pendingLedgers.push(ledger);
    else this.collector.stats.rowsSkipped++;
  }

  /** Returns the customer key of a ledger, null for another ledger, or undefined while unknown. */
  private customerOf(ledgerName: string): string | null | undefined {
    const name = ledgerName.toLowerCase();
    const key = this.customerKeys.get(name);
    if (key !== undefined) return key;
    const ledger = this.ledgers.get(name);
    if (ledger === undefined) return undefined;
    return this.pendingLedgers.includes(ledger) ? undefined : null;
  }

  private addVoucher(voucher: VoucherInfo, atEnd: boolean): void {
    if (voucher.inactive) {
      this.collector.stats.rowsSkipped++;
      return;
    }
    const customers = voucher.entries.map((entry) => this.customerOf(entry.ledger));
    if (!atEnd && customers.some((key) => key === undefined)) {
      this.pendingVouchers.push(voucher);
      return;
    }
    const baseType = this.masters.baseVoucherType(voucher.type) ?? guessBaseType(voucher.type);
    const context = voucherContext(voucher, baseType, this.collector, this.settings);
    if (context === null) return;
    let used = false;
    voucher.entries.forEach((entry, position) => {
      const key = customers[position] ?? (atEnd ? this.assumeCustomer(voucher, entry.ledger, baseType) : null);
      if (key === null || key === undefined) return;
      used = true;
      addVoucherEntry(context, entry, key);
    });
    if (!used) this.collector.stats.rowsSkipped++;
  }

  /** Adds the party ledger of a sale or receipt as a customer, with a warning, when its master is missing from the file. */
  private assumeCustomer(voucher: VoucherInfo, ledgerName: string, baseType: string | null): string | null {
    if (this.ledgers.has(ledgerName.toLowerCase()) || voucher.partyLedger !== ledgerName) return null;
    if (baseType !== 'Sales' && baseType !== 'Receipt') return null;
    const key = this.collector.upsertCustomer({ externalRef: ledgerName, name: ledgerName, sourceRow: voucher.index });
    this.customerKeys.set(ledgerName.toLowerCase(), key);
    this.collector.problem({
      row: voucher.index,
      column: 'PARTYLEDGERNAME',
      value: ledgerName,
      code: 'ledger-not-in-file',
      severity: 'warning',
      reason: `Ledger "${ledgerName}" is not in the file, so it was taken as a customer because it is the party of a ${baseType} voucher. Export the ledger masters too for its GSTIN, contacts and opening bills.`,
    });
    return key;
  }

  /** Resolves ledgers and vouchers that waited for masters later in the file. */
  finish(): void {
    for (const ledger of this.pendingLedgers.splice(0)) {
      if (this.masters.isDebtorGroup(ledger.parent) === true) {
        this.customerKeys.set(ledger.name.toLowerCase(), addLedgerCustomer(ledger, this.collector, this.settings));
      } else this.collector.stats.rowsSkipped++;
    }
    for (const voucher of this.pendingVouchers.splice(0)) this.addVoucher(voucher, true);
  }
}

export async function* readTally(text: AsyncIterable<string>, options: TallyOptions, describe: Omit<ImportHeader, 'preset' | 'mapping' | 'columns'>): AsyncGenerator<ImportEvent> {
  const reader = new TallyReader(
    { currency: options.defaultCurrency, defaultTermsDays: options.defaultTermsDays ?? null, customerTerms: createTermsLookup(options.termsByCustomer) },
    options.limits,
  );
  const builder = new TallyObjectBuilder(options.limits.maxXmlTextChars, (element, index) => reader.onObject(element, index));
  const xml = new XmlStream('The Tally file', {
    open: (name, attributes) => builder.open(name, attributes),
    text: (value) => builder.text(value),
    close: () => builder.close(),
  });
  const filter = new XmlControlFilter();

  yield { type: 'header', header: { ...describe, preset: 'tally-xml', mapping: null, columns: [] } };
  let first = true;
  for await (const chunk of text) {
    // Text before the XML declaration, even white space, is a syntax error for saxes.
    xml.write(filter.push(first ? chunk.trimStart() : chunk));
    first = false;
    yield { type: 'batch', batch: reader.collector.takeBatch() };
  }
  xml.write(filter.end());
  xml.close();
  builder.assertComplete();
  reader.finish();

  const removed = filter.counts.raw + filter.counts.references;
  if (removed > 0) {
    reader.collector.problem({ row: null, code: 'control-characters-removed', severity: 'warning', reason: `${removed} control characters that XML does not allow (${filter.counts.raw} raw, ${filter.counts.references} as &#…; references) were removed.` });
  }
  yield { type: 'batch', batch: reader.collector.takeBatch() };
  yield { type: 'summary', stats: { ...reader.collector.stats }, ambiguousDateColumns: [], dateOrder: {} };
}
