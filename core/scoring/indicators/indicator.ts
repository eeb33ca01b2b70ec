/** A record an indicator rests on. */
export interface EvidenceRecord {
  readonly kind: 'customer' | 'invoice' | 'payment' | 'contact-change' | 'watch-list-entry';
  readonly id: number | string;
}

export type IndicatorSeverity = 'info' | 'warning' | 'high';

/** A finding about a customer with the values and records behind it. */
export interface Indicator {
  readonly category: 'identity' | 'fraud' | 'insolvency';
  readonly code: string;
  readonly severity: IndicatorSeverity;
  readonly message: string;
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
  readonly records: readonly EvidenceRecord[];
}

export const severityRank: Readonly<Record<IndicatorSeverity, number>> = { info: 0, warning: 1, high: 2 };
