import type { IsoDate } from '../../ledger';
import { child, childrenNamed, childText, textsAt, type TallyElement } from './element';
import { readBillCreditPeriod, readTallyDate, type CreditPeriod } from './fields';

export interface OpeningBill {
  readonly name: string;
  readonly date: IsoDate | null;
  readonly creditPeriod: CreditPeriod | null;
  readonly openingBalanceText: string | null;
}

/** The parts of a LEDGER master the import uses, kept instead of the element tree. */
export interface LedgerInfo {
  readonly name: string;
  readonly parent: string | null;
  readonly index: number;
  readonly gstin: string | null;
  readonly pan: string | null;
  readonly addressLines: readonly string[];
  readonly state: string | null;
  readonly pincode: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly contactName: string | null;
  readonly creditPeriod: CreditPeriod | null;
  readonly creditLimitText: string | null;
  readonly openingBalanceText: string | null;
  readonly openingBills: readonly OpeningBill[];
}

/** Phone numbers written into address lines, as in "Mob:9999900002" or "Phone No.: 0562-2525252". */
const phoneInText = /(?:mob(?:ile)?|ph(?:one)?|tel(?:ephone)?|contact)(?:\s*no\.?)?\s*[:.-]\s*([+\d][\d\s-]{6,}\d)/gi;

export function phonesInText(lines: readonly string[]): string[] {
  return lines.flatMap((line) => [...line.matchAll(phoneInText)].map((match) => match[1] ?? '').filter((phone) => phone !== ''));
}

function splitList(texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.split(/[;,\s]+/)).filter((part) => part !== '');
}

/** Name of a Tally object: the NAME attribute, else the first NAME in LANGUAGENAME.LIST. */
export function objectName(element: TallyElement): string | null {
  const attribute = element.attributes.NAME?.trim();
  if (attribute) return attribute;
  return textsAt(element, ['LANGUAGENAME.LIST', 'NAME.LIST', 'NAME'])[0] ?? childText(element, 'NAME');
}

/** Extracts a LEDGER master. GSTIN comes from LEDGSTREGDETAILS.LIST (TallyPrime 3+) or the older PARTYGSTIN. */
export function readLedgerInfo(element: TallyElement, index: number): LedgerInfo | null {
  const name = objectName(element);
  if (name === null) return null;
  const mailing = childrenNamed(element, 'LEDMAILINGDETAILS.LIST').at(-1);
  const addressLines = mailing ? textsAt(mailing, ['ADDRESS.LIST', 'ADDRESS']) : textsAt(element, ['ADDRESS.LIST', 'ADDRESS']);
  const gstRegistrations = textsAt(element, ['LEDGSTREGDETAILS.LIST', 'GSTIN']);

  const openingBills = childrenNamed(element, 'BILLALLOCATIONS.LIST')
    .map((bill) => ({
      name: childText(bill, 'NAME') ?? '',
      date: readTallyDate(childText(bill, 'BILLDATE')),
      creditPeriod: readBillCreditPeriod(child(bill, 'BILLCREDITPERIOD')),
      openingBalanceText: childText(bill, 'OPENINGBALANCE'),
    }))
    .filter((bill) => bill.name !== '');

  return {
    name,
    parent: childText(element, 'PARENT'),
    index,
    gstin: gstRegistrations.at(-1) ?? childText(element, 'PARTYGSTIN') ?? childText(element, 'GSTIN'),
    pan: childText(element, 'INCOMETAXNUMBER'),
    addressLines,
    state: (mailing && childText(mailing, 'STATE')) ?? childText(element, 'LEDSTATENAME') ?? childText(element, 'STATENAME'),
    pincode: (mailing && childText(mailing, 'PINCODE')) ?? childText(element, 'PINCODE'),
    emails: splitList([childText(element, 'EMAIL'), childText(element, 'EMAILCC')].filter((text) => text !== null)),
    phones: [
      ...[childText(element, 'LEDGERMOBILE'), childText(element, 'LEDGERPHONE')].filter((text) => text !== null),
      ...textsAt(element, ['CONTACTDETAILS.LIST', 'PHONENUMBER']),
      ...phonesInText(addressLines),
    ],
    contactName: childText(element, 'LEDGERCONTACT'),
    creditPeriod: readBillCreditPeriod(child(element, 'BILLCREDITPERIOD')),
    creditLimitText: childText(element, 'CREDITLIMIT'),
    openingBalanceText: childText(element, 'OPENINGBALANCE'),
    openingBills,
  };
}
