/**
 * Points scorecard for ledgers with too little settled history to fit the model. Each
 * characteristic adds the points of the first bin whose `upTo` is at least the customer's value
 * (null `upTo` takes the rest), or `missingPoints` when the value is unknown. The score is the
 * base points plus the sum, limited to 0-100, and the probability reported is score / 100. The
 * points are a judgement of relative risk, not fitted to this ledger, so that probability is a
 * rough guide until the model replaces it.
 */
export interface ScorecardInput {
  /** Invoices paid so far. */
  readonly paidInvoices: number;
  /** Share of paid invoices paid late, null with nothing paid. */
  readonly lateShare: number | null;
  /** Amount-weighted average days beyond terms of paid invoices, null with nothing paid. */
  readonly daysBeyondTerms: number | null;
  /** Days past due of the oldest unpaid invoice, 0 when nothing is overdue. */
  readonly daysPastDue: number;
  readonly openDisputes: number;
  readonly brokenPromises: number;
  readonly bouncedPayments: number;
  /** Exposure divided by the credit limit, null without a limit. */
  readonly limitUtilisation: number | null;
}

export interface ScorecardBin {
  readonly upTo: number | null;
  readonly points: number;
  readonly label: string;
}

export interface ScorecardCharacteristic {
  readonly key: keyof ScorecardInput;
  readonly name: string;
  readonly missingPoints: number;
  readonly missingLabel: string;
  readonly bins: readonly ScorecardBin[];
}

export const scorecardBasePoints = 5;

export const scorecardTable: readonly ScorecardCharacteristic[] = [
  {
    key: 'paidInvoices', name: 'Invoices paid so far', missingPoints: 15, missingLabel: 'none',
    bins: [{ upTo: 0, points: 15, label: 'none' }, { upTo: 2, points: 10, label: '1-2' }, { upTo: 5, points: 5, label: '3-5' }, { upTo: null, points: 0, label: '6 or more' }],
  },
  {
    key: 'lateShare', name: 'Share of paid invoices paid late', missingPoints: 0, missingLabel: 'nothing paid yet',
    bins: [{ upTo: 0, points: 0, label: 'none' }, { upTo: 0.25, points: 8, label: 'up to 25%' }, { upTo: 0.5, points: 16, label: '26-50%' }, { upTo: null, points: 25, label: 'over 50%' }],
  },
  {
    key: 'daysBeyondTerms', name: 'Average days beyond terms', missingPoints: 0, missingLabel: 'nothing paid yet',
    bins: [{ upTo: 0, points: 0, label: 'none' }, { upTo: 15, points: 5, label: 'up to 15' }, { upTo: 30, points: 10, label: '16-30' }, { upTo: 60, points: 15, label: '31-60' }, { upTo: null, points: 20, label: 'over 60' }],
  },
  {
    key: 'daysPastDue', name: 'Days past due now', missingPoints: 0, missingLabel: 'nothing overdue',
    bins: [{ upTo: 0, points: 0, label: 'nothing overdue' }, { upTo: 30, points: 5, label: '1-30' }, { upTo: 60, points: 12, label: '31-60' }, { upTo: 90, points: 20, label: '61-90' }, { upTo: null, points: 30, label: 'over 90' }],
  },
  {
    key: 'openDisputes', name: 'Open disputes', missingPoints: 0, missingLabel: 'none',
    bins: [{ upTo: 0, points: 0, label: 'none' }, { upTo: null, points: 5, label: '1 or more' }],
  },
  {
    key: 'brokenPromises', name: 'Broken promises to pay', missingPoints: 0, missingLabel: 'none',
    bins: [{ upTo: 0, points: 0, label: 'none' }, { upTo: 1, points: 5, label: '1' }, { upTo: null, points: 10, label: '2 or more' }],
  },
  {
    key: 'bouncedPayments', name: 'Payments reversed or bounced', missingPoints: 0, missingLabel: 'none',
    bins: [{ upTo: 0, points: 0, label: 'none' }, { upTo: null, points: 10, label: '1 or more' }],
  },
  {
    key: 'limitUtilisation', name: 'Exposure against credit limit', missingPoints: 0, missingLabel: 'no credit limit',
    bins: [{ upTo: 0.8, points: 0, label: 'up to 80%' }, { upTo: 1, points: 3, label: '81-100%' }, { upTo: null, points: 8, label: 'over 100%' }],
  },
];

/** The bin a customer fell into for one characteristic. */
export interface ScorecardLine {
  readonly characteristic: ScorecardCharacteristic;
  readonly value: number | null;
  readonly binLabel: string;
  readonly points: number;
  /** Highest points the characteristic can add. */
  readonly maxPoints: number;
}

export interface ScorecardResult {
  readonly score: number;
  readonly probability: number;
  readonly lines: readonly ScorecardLine[];
}

export function applyScorecard(input: ScorecardInput): ScorecardResult {
  const lines = scorecardTable.map((characteristic) => scoreLine(characteristic, input[characteristic.key]));
  const total = lines.reduce((sum, line) => sum + line.points, scorecardBasePoints);
  const score = Math.max(0, Math.min(100, total));
  return { score, probability: score / 100, lines };
}

function scoreLine(characteristic: ScorecardCharacteristic, value: number | null): ScorecardLine {
  const maxPoints = Math.max(characteristic.missingPoints, ...characteristic.bins.map((bin) => bin.points));
  if (value === null) {
    return { characteristic, value, binLabel: characteristic.missingLabel, points: characteristic.missingPoints, maxPoints };
  }
  const bin = characteristic.bins.find((candidate) => candidate.upTo === null || value <= candidate.upTo);
  return { characteristic, value, binLabel: bin?.label ?? '', points: bin?.points ?? 0, maxPoints };
}
