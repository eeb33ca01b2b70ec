import { isIsoDate } from '../ledger/dates';
import type { BandCutoffs, ScoringSettings, ScoringSettingsInput } from './types';

/**
 * Default settings. The NPA threshold of more than 90 days overdue is the norm of the RBI Master
 * Circular on prudential norms for income recognition, asset classification and provisioning
 * (IRACP). A lender on a longer norm adds dated entries, for example `{ effectiveFrom, days: 180 }`.
 */
export const defaultScoringSettings: ScoringSettings = {
  agingBoundaries: [30, 60, 90, 180],
  graceDays: 0,
  npaThresholds: [{ effectiveFrom: '1900-01-01', days: 90 }],
  dsoMaxMonths: 24,
  bandCutoffs: [15, 30, 50, 70],
  bandActions: { A: 'normal-terms', B: 'normal-terms', C: 'shorter-terms', D: 'advance-payment', E: 'stop-supply' },
  segmentPolicies: {},
  model: {
    minLabelledInvoices: 200,
    minInvoicesPerOutcome: 30,
    l2Penalty: 0.003,
    priorStrength: 2,
    recentInvoiceCount: 6,
    holdoutShare: 0.25,
    maxTrainingInvoices: 200_000,
  },
  fraud: {
    contactChangeWindowDays: 30,
    largeOrderMultiple: 3,
    newCustomerDays: 90,
    newCustomerOrderMultiple: 5,
  },
  insolvency: {
    severeDaysPastDue: 90,
    trendLookbackDays: 90,
  },
  minReasons: 3,
  maxReasons: 5,
};

/** Merges caller settings over the defaults and rejects values the engine cannot use. */
export function resolveSettings(input: ScoringSettingsInput = {}): ScoringSettings {
  const settings: ScoringSettings = {
    ...defaultScoringSettings,
    ...input,
    model: { ...defaultScoringSettings.model, ...input.model },
    fraud: { ...defaultScoringSettings.fraud, ...input.fraud },
    insolvency: { ...defaultScoringSettings.insolvency, ...input.insolvency },
  };
  validateSettings(settings);
  return settings;
}

function validateSettings(settings: ScoringSettings): void {
  const boundaries = settings.agingBoundaries;
  for (let index = 0; index < boundaries.length; index++) {
    const boundary = boundaries[index] ?? 0;
    if (!Number.isInteger(boundary) || boundary < 1 || (index > 0 && boundary <= (boundaries[index - 1] ?? 0))) {
      throw new RangeError(`Invalid aging boundaries [${boundaries.join(', ')}]: use increasing whole days of at least 1.`);
    }
  }
  if (settings.npaThresholds.length === 0) {
    throw new RangeError('Invalid NPA thresholds: give at least one { effectiveFrom, days } entry.');
  }
  for (const threshold of settings.npaThresholds) {
    if (!isIsoDate(threshold.effectiveFrom) || !Number.isInteger(threshold.days) || threshold.days < 1) {
      throw new RangeError(`Invalid NPA threshold ${JSON.stringify(threshold)}: use a YYYY-MM-DD date and whole days of at least 1.`);
    }
  }
  validateCutoffs(settings.bandCutoffs, 'bandCutoffs');
  for (const [segment, policy] of Object.entries(settings.segmentPolicies)) {
    if (policy.bandCutoffs) validateCutoffs(policy.bandCutoffs, `segmentPolicies["${segment}"].bandCutoffs`);
  }
  if (settings.minReasons > settings.maxReasons) {
    throw new RangeError(`Invalid reason counts: minReasons ${settings.minReasons} exceeds maxReasons ${settings.maxReasons}.`);
  }
}

/** Throws unless the cut-offs are four increasing scores between 0 and 100. */
export function validateCutoffs(cutoffs: BandCutoffs, name = 'band cut-offs'): void {
  const valid = cutoffs.length === 4 && cutoffs.every((value, index) => value >= 0 && value <= 100 && (index === 0 || value > (cutoffs[index - 1] ?? 0)));
  if (!valid) {
    throw new RangeError(`Invalid ${name} [${cutoffs.join(', ')}]: use four increasing scores between 0 and 100.`);
  }
}
