import { describe, expect, it } from 'vitest';
import { decideCredit, type CreditCheckFacts, type ScoredPosition } from '../../../core/api/credit-decision';

const position = (score: number, band: ScoredPosition['band'], suggestedAction: ScoredPosition['suggestedAction']): ScoredPosition => ({ score, band, suggestedAction, actionBasis: [`band ${band}: ${suggestedAction}`] });

function facts(overrides: Partial<CreditCheckFacts> = {}): CreditCheckFacts {
  return {
    customerId: 7,
    amountMinor: 10_000_00,
    currency: 'INR',
    current: { score: 12, band: 'A', suggestedAction: 'normal-terms' },
    withOrder: position(12, 'A', 'normal-terms'),
    withoutOrder: position(12, 'A', 'normal-terms'),
    creditLimitMinor: 50_000_00,
    exposureMinor: 20_000_00,
    ...overrides,
  };
}

const codes = (decision: ReturnType<typeof decideCredit>) => decision.reasons.map((reason) => reason.code);

describe('credit decision', () => {
  it('approves a low-risk order within the headroom', () => {
    const decision = decideCredit(facts());
    expect(decision.decision).toBe('approve');
    expect(decision.headroomMinor).toBe(30_000_00);
    expect(decision.headroomAfterMinor).toBe(20_000_00);
    expect(decision.conditions).toEqual([]);
  });

  it('refuses an amount above the headroom', () => {
    const decision = decideCredit(facts({ amountMinor: 30_000_01 }));
    expect(decision.decision).toBe('refuse');
    expect(codes(decision)).toContain('over-credit-limit');
    expect(decision.headroomAfterMinor).toBe(-1);
  });

  it('approves exactly the headroom', () => {
    expect(decideCredit(facts({ amountMinor: 30_000_00 })).decision).toBe('approve');
  });

  it('treats exposure above the limit as no headroom', () => {
    const decision = decideCredit(facts({ exposureMinor: 60_000_00, amountMinor: 1 }));
    expect(decision.headroomMinor).toBe(0);
    expect(decision.decision).toBe('refuse');
  });

  it('adds conditions for shorter terms', () => {
    const decision = decideCredit(facts({ withOrder: position(40, 'C', 'shorter-terms'), withoutOrder: position(40, 'C', 'shorter-terms') }));
    expect(decision.decision).toBe('approve-with-conditions');
    expect(codes(decision)).toContain('shorter-terms');
    expect(decision.conditions).toHaveLength(1);
  });

  it.each([['advance-payment', 'D'], ['stop-supply', 'E']] as const)('refuses when the action is %s', (action, band) => {
    const decision = decideCredit(facts({ withOrder: position(80, band, action), withoutOrder: position(80, band, action) }));
    expect(decision.decision).toBe('refuse');
    expect(codes(decision)).toContain(action);
  });

  it('flags an order that worsens the band', () => {
    const decision = decideCredit(facts({ withOrder: position(16, 'B', 'normal-terms'), withoutOrder: position(14, 'A', 'normal-terms') }));
    expect(decision.decision).toBe('approve-with-conditions');
    expect(codes(decision)).toContain('order-raises-band');
  });

  it('never relaxes a refusal', () => {
    const decision = decideCredit(facts({ amountMinor: 40_000_00, withOrder: position(40, 'C', 'shorter-terms'), withoutOrder: position(10, 'A', 'normal-terms') }));
    expect(decision.decision).toBe('refuse');
    expect(codes(decision)).toEqual(expect.arrayContaining(['shorter-terms', 'order-raises-band', 'over-credit-limit']));
  });

  it('checks the score alone without a credit limit', () => {
    const decision = decideCredit(facts({ creditLimitMinor: null, amountMinor: 1_00_00_000_00 }));
    expect(decision.decision).toBe('approve');
    expect(decision.headroomMinor).toBeNull();
    expect(codes(decision)).toContain('no-credit-limit');
  });
});
