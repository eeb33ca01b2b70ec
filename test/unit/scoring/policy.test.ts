import { describe, expect, it } from 'vitest';
import type { CustomerAnalytics } from '../../../core/scoring/analytics/customer';
import type { Indicator } from '../../../core/scoring/indicators/indicator';
import { bandForScore, decideAction, policyFor, previewBands, type ScoredCustomer } from '../../../core/scoring/policy';
import { resolveSettings } from '../../../core/scoring/settings';

const withinLimit = { credit: { overLimitMinor: 0 } } as CustomerAnalytics;
const overLimit = { credit: { overLimitMinor: 1 } } as CustomerAnalytics;

describe('bandForScore', () => {
  it('cuts scores at the configured bounds', () => {
    const cutoffs = [15, 30, 50, 70] as const;
    const table: [number, string][] = [[0, 'A'], [14, 'A'], [15, 'B'], [29, 'B'], [30, 'C'], [49, 'C'], [50, 'D'], [69, 'D'], [70, 'E'], [100, 'E']];
    for (const [score, band] of table) expect(bandForScore(score, cutoffs)).toBe(band);
  });

  it('rejects cut-offs that do not increase', () => {
    expect(() => resolveSettings({ bandCutoffs: [10, 40, 30, 80] })).toThrow(/four increasing scores/);
  });
});

describe('policyFor', () => {
  it('applies segment overrides over the defaults', () => {
    const settings = resolveSettings({ segmentPolicies: { distributor: { bandCutoffs: [20, 40, 60, 80], bandActions: { C: 'normal-terms' } } } });
    const policy = policyFor('distributor', settings);
    expect(policy.bandCutoffs).toEqual([20, 40, 60, 80]);
    expect(policy.bandActions.C).toBe('normal-terms');
    expect(policy.bandActions.D).toBe('advance-payment');
    expect(policyFor('unknown', settings).bandCutoffs).toEqual([15, 30, 50, 70]);
  });
});

describe('decideAction', () => {
  const policy = policyFor(null, resolveSettings());

  it('takes the band action', () => {
    expect(decideAction('A', policy, 'standard', withinLimit, [])).toEqual({ action: 'normal-terms', basis: ['band A: normal-terms'] });
    expect(decideAction('E', policy, 'standard', withinLimit, []).action).toBe('stop-supply');
  });

  it('makes the action stricter for SMA classes and limit breaches', () => {
    expect(decideAction('A', policy, 'SMA-1', withinLimit, []).action).toBe('shorter-terms');
    expect(decideAction('A', policy, 'SMA-2', withinLimit, []).action).toBe('advance-payment');
    expect(decideAction('B', policy, 'standard', overLimit, []).basis).toEqual(['band B: normal-terms', 'exposure above the credit limit: advance-payment']);
    expect(decideAction('A', policy, 'NPA', withinLimit, []).action).toBe('stop-supply');
  });

  it('stops supply on a watch-list match by identifier', () => {
    const match = { category: 'insolvency', code: 'watch-list-match', severity: 'high' } as Indicator;
    expect(decideAction('A', policy, 'standard', withinLimit, [match]).action).toBe('stop-supply');
  });

  it('never relaxes the band action', () => {
    expect(decideAction('D', policy, 'SMA-1', withinLimit, []).action).toBe('advance-payment');
  });
});

describe('previewBands', () => {
  const scored: ScoredCustomer[] = [
    { customerId: 1, segment: null, score: 10, band: 'A', analytics: { credit: { exposureMinor: 100 } } },
    { customerId: 2, segment: null, score: 25, band: 'B', analytics: { credit: { exposureMinor: 200 } } },
    { customerId: 3, segment: 'retail', score: 45, band: 'C', analytics: { credit: { exposureMinor: 300 } } },
    { customerId: 4, segment: null, score: 80, band: 'E', analytics: { credit: { exposureMinor: 400 } } },
  ];

  it('counts customers and exposure per band under new cut-offs', () => {
    const preview = previewBands(scored, { bandCutoffs: [30, 40, 60, 90], segmentPolicies: { retail: { bandCutoffs: [50, 60, 70, 80] } } });
    expect(preview.map((band) => [band.band, band.customers, band.exposureMinor, band.movedIn])).toEqual([
      ['A', 3, 600, 2],
      ['B', 0, 0, 0],
      ['C', 0, 0, 0],
      ['D', 1, 400, 1],
      ['E', 0, 0, 0],
    ]);
  });
});
