import type { IsoDate } from '../../ledger';
import { child, childrenNamed, childText, type TallyElement } from './element';
import { isYes, readBillCreditPeriod, readTallyDate, type CreditPeriod } from './fields';

export interface BillAllocation {
  readonly name: string;
  /** "New Ref", "Agst Ref", "Advance" or "On Account". */
  readonly type: string;
  readonly amountText: string | null;
  readonly creditPeriod: CreditPeriod | null;
}

export interface LedgerEntry {
  readonly ledger: string;
  readonly amountText: string | null;
  readonly bills: readonly BillAllocation[];
}

/** The parts of a VOUCHER the import uses, kept instead of the element tree. */
export interface VoucherInfo {
  readonly index: number;
  readonly guid: string | null;
  readonly date: IsoDate | null;
  readonly dateText: string | null;
  readonly type: string | null;
  readonly number: string | null;
  readonly reference: string | null;
  readonly partyLedger: string | null;
  readonly narration: string | null;
  /** Cancelled, optional (memorandum) or deleted vouchers change no balance. */
  readonly inactive: boolean;
  readonly entries: readonly LedgerEntry[];
}

const entryListNames = ['LEDGERENTRIES.LIST', 'ALLLEDGERENTRIES.LIST'];

function readEntries(voucher: TallyElement): LedgerEntry[] {
  return entryListNames
    .flatMap((listName) => childrenNamed(voucher, listName))
    .map((entry) => ({
      ledger: childText(entry, 'LEDGERNAME') ?? '',
      amountText: childText(entry, 'AMOUNT'),
      bills: childrenNamed(entry, 'BILLALLOCATIONS.LIST')
        .map((bill) => ({
          name: childText(bill, 'NAME') ?? '',
          type: childText(bill, 'BILLTYPE') ?? '',
          amountText: childText(bill, 'AMOUNT'),
          creditPeriod: readBillCreditPeriod(child(bill, 'BILLCREDITPERIOD')),
        }))
        .filter((bill) => bill.name !== '' || bill.type !== ''),
    }))
    .filter((entry) => entry.ledger !== '');
}

export function readVoucherInfo(element: TallyElement, index: number): VoucherInfo {
  const action = element.attributes.ACTION?.toLowerCase();
  return {
    index,
    guid: childText(element, 'GUID'),
    date: readTallyDate(childText(element, 'DATE')),
    dateText: childText(element, 'DATE'),
    type: childText(element, 'VOUCHERTYPENAME') ?? element.attributes.VCHTYPE ?? null,
    number: childText(element, 'VOUCHERNUMBER'),
    reference: childText(element, 'REFERENCE'),
    partyLedger: childText(element, 'PARTYLEDGERNAME'),
    narration: childText(element, 'NARRATION'),
    inactive: isYes(element, 'ISCANCELLED') || isYes(element, 'ISOPTIONAL') || isYes(element, 'ISDELETED') || action === 'delete' || action === 'cancel',
    entries: readEntries(element),
  };
}
