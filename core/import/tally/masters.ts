import { childText, type TallyElement } from './element';
import { objectName } from './ledger-info';

/** Tally's reserved primary groups other than Sundry Debtors, which end a search up the group tree. */
const otherReservedGroups = new Set(
  [
    'Sundry Creditors', 'Current Assets', 'Current Liabilities', 'Sales Accounts', 'Purchase Accounts',
    'Direct Expenses', 'Indirect Expenses', 'Direct Incomes', 'Indirect Incomes', 'Bank Accounts',
    'Bank OD A/c', 'Cash-in-Hand', 'Duties & Taxes', 'Capital Account', 'Loans (Liability)',
    'Secured Loans', 'Unsecured Loans', 'Fixed Assets', 'Investments', 'Stock-in-Hand',
    'Deposits (Asset)', 'Loans & Advances (Asset)', 'Provisions', 'Reserves & Surplus',
    'Suspense A/c', 'Misc. Expenses (ASSET)', 'Branch / Divisions', 'Primary',
  ].map((name) => name.toLowerCase()),
);
const debtorsGroup = 'sundry debtors';

/** Reserved voucher types that Tally itself defines; user types name one of these as PARENT. */
const reservedVoucherTypes = ['Sales', 'Receipt', 'Credit Note', 'Debit Note', 'Journal', 'Payment', 'Purchase', 'Contra'];

interface GroupInfo {
  readonly parent: string | null;
  readonly reservedName: string | null;
}

/**
 * Groups and voucher types of a Tally export, and whether a ledger is a customer: a ledger under
 * Sundry Debtors, directly or through sub-groups, is one.
 */
export class TallyMasters {
  private readonly groups = new Map<string, GroupInfo>();
  private readonly voucherTypes = new Map<string, string | null>();

  addGroup(element: TallyElement): void {
    const name = objectName(element);
    if (name === null) return;
    this.groups.set(name.toLowerCase(), { parent: childText(element, 'PARENT'), reservedName: element.attributes.RESERVEDNAME?.trim() || null });
  }

  addVoucherType(element: TallyElement): void {
    const name = objectName(element);
    if (name === null) return;
    this.voucherTypes.set(name.toLowerCase(), element.attributes.RESERVEDNAME?.trim() || childText(element, 'PARENT'));
  }

  /**
   * Returns true for a group under Sundry Debtors, false for one under another primary group, and
   * null while a group on the way up is not known yet.
   */
  isDebtorGroup(groupName: string | null): boolean | null {
    const seen = new Set<string>();
    let current = groupName?.trim().toLowerCase() ?? '';
    while (current !== '' && !seen.has(current)) {
      seen.add(current);
      const group = this.groups.get(current);
      if (current === debtorsGroup || group?.reservedName?.toLowerCase() === debtorsGroup) return true;
      if (group === undefined) return otherReservedGroups.has(current) ? false : null;
      if (group.reservedName !== null && otherReservedGroups.has(group.reservedName.toLowerCase())) return false;
      current = group.parent?.trim().toLowerCase() ?? '';
    }
    return false;
  }

  /** Returns the reserved type a voucher type derives from ("GST Sale Invoice" → "Sales"), following user types. */
  baseVoucherType(typeName: string | null): string | null {
    const seen = new Set<string>();
    let current = typeName?.trim() ?? '';
    while (current !== '' && !seen.has(current.toLowerCase())) {
      const reserved = reservedVoucherTypes.find((type) => type.toLowerCase() === current.toLowerCase());
      if (reserved !== undefined) return reserved;
      seen.add(current.toLowerCase());
      current = this.voucherTypes.get(current.toLowerCase()) ?? '';
    }
    return null;
  }
}
