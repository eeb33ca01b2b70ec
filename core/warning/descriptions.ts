import type { RuleId } from './types';

/** A short label and one sentence per rule, for the screens, the settings and the command line. */
export const ruleDescriptions: Readonly<Record<RuleId, { readonly label: string; readonly description: string }>> = {
  'first-late-payment': { label: 'First late payment', description: 'An invoice paid after its due date and grace days, after a run of invoices paid on time.' },
  'late-trend': { label: 'Paying later than usual', description: 'Days beyond terms rising against the customer\'s own history (a CUSUM change test).' },
  'partial-payment': { label: 'Partial payment', description: 'A part payment from a customer who used to pay each invoice in full.' },
  'payments-shrinking': { label: 'Payments shrinking', description: 'Less money received than in the window before, while the balance grows.' },
  'promise-broken': { label: 'Promise broken', description: 'A promise to pay whose date passed without the money.' },
  'dispute-opened': { label: 'New dispute', description: 'A dispute opened on an invoice.' },
  'payment-reversed': { label: 'Payment reversed', description: 'A payment reversed or a cheque bounced.' },
  'band-drop': { label: 'Risk band drop', description: 'The payment-behaviour score moved to a worse band.' },
  'sma-worsening': { label: 'SMA class worse', description: 'The RBI class worsened (for example SMA-0 to SMA-1), on the day it happened.' },
  'credit-limit': { label: 'Credit limit exceeded', description: 'Exposure above the customer\'s credit limit.' },
  'exposure-growth': { label: 'Exposure growing fast', description: 'The outstanding balance grew fast over the window.' },
  'bureau-drop': { label: 'Bureau score drop', description: 'A credit bureau score or rank worse than the previous report.' },
  'bureau-stale': { label: 'Bureau report old', description: 'No bureau report for longer than the set number of days.' },
  'identity-watch-list': { label: 'Identity or watch list', description: 'An invalid or mismatched GSTIN or PAN, or a match on an insolvency or struck-off list.' },
};
