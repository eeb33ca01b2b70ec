import type { CustomerAnalytics } from './analytics/customer';
import type { Indicator } from './indicators/indicator';
import { resolveSettings } from './settings';
import { actionsBySeverity, bands, type Band, type BandCutoffs, type ScoringSettings, type ScoringSettingsInput, type SmaClass, type SuggestedAction } from './types';

/** The settings that apply to one customer after its segment's overrides. */
export interface EffectivePolicy {
  readonly segment: string | null;
  readonly bandCutoffs: BandCutoffs;
  readonly bandActions: Readonly<Record<Band, SuggestedAction>>;
}

export function policyFor(segment: string | null, settings: ScoringSettings): EffectivePolicy {
  const override = segment === null ? undefined : settings.segmentPolicies[segment];
  return {
    segment,
    bandCutoffs: override?.bandCutoffs ?? settings.bandCutoffs,
    bandActions: { ...settings.bandActions, ...override?.bandActions },
  };
}

/** Returns the band of a 0-100 score: A below the first cut-off, B below the second, and so on; E from the fourth. */
export function bandForScore(score: number, cutoffs: BandCutoffs): Band {
  for (let position = 0; position < cutoffs.length; position++) {
    if (score < (cutoffs[position] ?? 0)) return bands[position] ?? 'E';
  }
  return 'E';
}

export interface ActionDecision {
  readonly action: SuggestedAction;
  /** Why the action is what it is: the band's action first, then each rule that made it stricter. */
  readonly basis: readonly string[];
}

/**
 * Starts from the band's action and makes it stricter where a rule applies. NPA or a high-severity
 * watch-list match stops supply. SMA-2, a limit breach or a high-severity fraud indicator requires
 * advance payment, and SMA-1 requires shorter terms. A rule never relaxes the band's action.
 */
export function decideAction(
  band: Band,
  policy: EffectivePolicy,
  smaClass: SmaClass,
  analytics: CustomerAnalytics,
  indicators: readonly Indicator[],
): ActionDecision {
  let action = policy.bandActions[band];
  const basis = [`band ${band}: ${action}`];
  const escalate = (to: SuggestedAction, rule: string) => {
    if (actionsBySeverity.indexOf(to) <= actionsBySeverity.indexOf(action)) return;
    action = to;
    basis.push(`${rule}: ${to}`);
  };
  if (smaClass === 'NPA') escalate('stop-supply', 'classified NPA');
  if (indicators.some((indicator) => indicator.code === 'watch-list-match' && indicator.severity === 'high')) {
    escalate('stop-supply', 'on an insolvency or struck-off watch list');
  }
  if (smaClass === 'SMA-2') escalate('advance-payment', 'classified SMA-2');
  if (analytics.credit.overLimitMinor > 0) escalate('advance-payment', 'exposure above the credit limit');
  if (indicators.some((indicator) => indicator.category === 'fraud' && indicator.severity === 'high')) {
    escalate('advance-payment', 'high-severity fraud indicator');
  }
  if (smaClass === 'SMA-1') escalate('shorter-terms', 'classified SMA-1');
  return { action, basis };
}

/** A precomputed customer score, the input of a band preview. */
export interface ScoredCustomer {
  readonly customerId: number;
  readonly segment: string | null;
  readonly score: number;
  readonly band: Band;
  readonly analytics: { readonly credit: { readonly exposureMinor: number } };
}

export interface BandCount {
  readonly band: Band;
  readonly customers: number;
  readonly exposureMinor: number;
  /** Customers in the band now that were in another band under the current settings. */
  readonly movedIn: number;
}

/**
 * Previews how customers spread over the bands under changed cut-offs or segment policies,
 * without rescoring: scores stay as they are and only the banding changes.
 */
export function previewBands(scored: readonly ScoredCustomer[], changed: ScoringSettingsInput): BandCount[] {
  const settings = resolveSettings(changed);
  const counts = new Map<Band, { customers: number; exposureMinor: number; movedIn: number }>();
  for (const band of bands) counts.set(band, { customers: 0, exposureMinor: 0, movedIn: 0 });
  for (const customer of scored) {
    const band = bandForScore(customer.score, policyFor(customer.segment, settings).bandCutoffs);
    const entry = counts.get(band)!;
    entry.customers++;
    entry.exposureMinor += customer.analytics.credit.exposureMinor;
    if (band !== customer.band) entry.movedIn++;
  }
  return bands.map((band) => ({ band, ...counts.get(band)! }));
}
