import type { RiskRow } from '../../../../core/contract/index';

export const actionLabels: Record<RiskRow['suggestedAction'], string> = {
  'normal-terms': 'Normal terms',
  'shorter-terms': 'Shorter terms',
  'advance-payment': 'Advance payment',
  'stop-supply': 'Stop supply',
};

export const bandNames = ['A', 'B', 'C', 'D', 'E'] as const;
export const smaNames = ['standard', 'SMA-0', 'SMA-1', 'SMA-2', 'NPA'] as const;

/** Band colours from green (A) to red (E), shared by badges and charts. */
export const bandColours: Record<string, string> = { A: '#1e7b34', B: '#6b9a1f', C: '#c28a00', D: '#d0601a', E: '#b3261e' };
