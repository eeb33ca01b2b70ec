import type { IsoDate } from '../../ledger';
import { readDate, resolveDate } from '../values/dates';
import { cleanCell } from '../values/text';
import type { RawRow } from './raw-row';

export interface ReportTitle {
  /** The date the report shows balances at: the end of "1-Apr-24 to 31-Mar-25", or "As of 31 March 2025". */
  readonly reportDate: IsoDate | null;
  /** The ledger of a one-party report ("Ledger: Customer 01"). */
  readonly ledgerName: string | null;
  readonly text: string;
}

const periodEndPattern = /\bto\s+(.+?)\s*$/i;
const asOfPattern = /\bas\s+(?:of|at|on)\s*:?\s+(.+?)\s*$/i;
const ledgerPattern = /^\s*ledger\s*:\s*(.+?)\s*$/i;

/** Reads the report date and ledger name from the title rows above the header. */
export function readReportTitle(rows: readonly RawRow[]): ReportTitle {
  let reportDate: IsoDate | null = null;
  let ledgerName: string | null = null;
  const lines: string[] = [];

  for (const row of rows) {
    const line = row.cells.map(cleanCell).filter((cell) => cell !== '').join(' ');
    if (line === '') continue;
    lines.push(line);

    const ledger = ledgerPattern.exec(line);
    if (ledger?.[1] !== undefined) ledgerName = ledger[1];

    const dateText = asOfPattern.exec(line)?.[1] ?? periodEndPattern.exec(line)?.[1];
    if (dateText !== undefined) {
      const resolved = resolveDate(readDate(dateText), 'DMY', dateText);
      if ('iso' in resolved) reportDate = resolved.iso;
    }
  }
  return { reportDate, ledgerName, text: lines.join('\n') };
}
