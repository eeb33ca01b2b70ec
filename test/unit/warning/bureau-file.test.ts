import { describe, expect, it } from 'vitest';
import { matchBureauRows, readBureauFile, type MatchableCustomer } from '../../../core/warning/index';
import { utf8 } from '../import/helpers';
import { buildXlsx } from '../import/xlsx-builder';

const customers: MatchableCustomer[] = [
  { id: 1, externalRef: 'K-001', name: 'Kapoor Electricals', pan: 'AAPFU0939F', gstin: '27AAPFU0939F1ZV' },
  { id: 2, externalRef: 'M-002', name: 'Mehta Traders', pan: null, gstin: null },
  { id: 3, externalRef: 'S-003', name: 'Shah & Sons', pan: 'AAACS1234A', gstin: null },
  { id: 4, externalRef: 'S-004', name: 'Shah & Sons', pan: null, gstin: null },
];

describe('bureau file reader', () => {
  it('reads a CSV with day-first dates, scores and ranks', async () => {
    const file = await readBureauFile(utf8([
      'PAN,GSTIN,Customer Code,Customer Name,Report Date,Bureau,Score,Scale',
      'AAPFU0939F,,,,05/04/2026,CIBIL,742,300-900',
      ',,M-002,,13/04/2026,CIBIL,4,CMR rank 1-10',
      ',,,Nobody Ltd,13/04/2026,Experian,701,',
    ].join('\n')), 'bureau.csv');
    expect(file.invalid).toEqual([]);
    expect(file.rows.map((row) => [row.row, row.reportDate, row.bureau, row.scale, row.value])).toEqual([
      [2, '2026-04-05', 'CIBIL', 'score-300-900', 742],
      [3, '2026-04-13', 'CIBIL', 'rank-1-10', 4],
      [4, '2026-04-13', 'Experian', 'score-300-900', 701],
    ]);
  });

  it('reads an XLSX sheet with date cells', async () => {
    const bytes = buildXlsx([{ name: 'Scores', rows: [['Customer Code', 'Report Date', 'Bureau', 'Score'], ['K-001', { date: 45383 }, 'CRIF High Mark', 690]] }]);
    const file = await readBureauFile(bytes, 'scores.xlsx');
    expect(file.rows.map((row) => [row.code, row.reportDate, row.bureau, row.scale, row.value])).toEqual([['K-001', '2024-04-01', 'CRIF High Mark', 'score-300-900', 690]]);
  });

  it('lists invalid rows by row number', async () => {
    const file = await readBureauFile(utf8(['PAN,Report Date,Bureau,Score', 'AAPFU0939F,2026-04-05,CIBIL,950', 'AAPFU0939F,2026-04-05,,700', 'AAPFU0939F,31/02/2026,CIBIL,700', 'AAPFU0939F,2026-04-05,CIBIL,7.5'].join('\n')), 'bad.csv');
    expect(file.rows).toEqual([]);
    expect(file.invalid.map((problem) => problem.row)).toEqual([2, 3, 4, 5]);
    expect(file.invalid[0]!.message).toBe('Score 950 fits neither a 300-900 score nor a 1-10 rank.');
    expect(file.invalid[1]!.message).toContain('The bureau is missing');
  });

  it('rejects a file without a score column', async () => {
    await expect(readBureauFile(utf8('PAN,Report Date,Bureau\nAAPFU0939F,2026-04-05,CIBIL\n'), 'noscore.csv')).rejects.toThrow('noscore.csv has no Score column.');
  });
});

describe('bureau row matching', () => {
  async function rows(lines: string[]) {
    return (await readBureauFile(utf8(['PAN,GSTIN,Customer Code,Customer Name,Report Date,Bureau,Score', ...lines].join('\n')), 'f.csv')).rows;
  }

  it('matches by PAN, GSTIN, code and exact name', async () => {
    const result = matchBureauRows(await rows([
      'aapfu0939f,,,,2026-04-05,CIBIL,742',
      ',27AAPFU0939F1ZV,,,2026-04-05,CIBIL,742',
      ',,m-002,,2026-04-05,CIBIL,742',
      ',,,  mehta   traders ,2026-04-05,CIBIL,742',
    ]), customers);
    expect(result.unmatched).toEqual([]);
    expect(result.matched.map((match) => [match.row.row, match.customerId, match.matchedBy])).toEqual([[2, 1, 'PAN'], [3, 1, 'GSTIN'], [4, 2, 'customer code'], [5, 2, 'name']]);
  });

  it('never guesses: unknown, ambiguous and conflicting rows stay unmatched', async () => {
    const result = matchBureauRows(await rows([
      ',,,Mehta Trading Co,2026-04-05,CIBIL,742',
      ',,,Shah & Sons,2026-04-05,CIBIL,742',
      'AAPFU0939F,,M-002,,2026-04-05,CIBIL,742',
    ]), customers);
    expect(result.matched).toEqual([]);
    expect(result.unmatched.map((row) => [row.row, row.reason])).toEqual([
      [2, 'No customer has this PAN, GSTIN, customer code or name.'],
      [3, 'name Shah & Sons belongs to 2 customers; merge the duplicates or add a PAN or GSTIN to the file.'],
      [4, 'PAN and customer code point to different customers; correct the file or the customer records.'],
    ]);
  });
});
