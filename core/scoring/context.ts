import { toDayNumber, type IsoDate } from '../ledger/dates';
import { agingBucketDefinitions, type BucketDefinition } from './analytics/aging';
import { countBackBoundaries } from './analytics/dso';
import { buildIdentifierIndex, ledgerMedianInvoice, type ContactChange, type IdentifierIndex } from './indicators/fraud';
import { WatchListMatcher, type WatchListEntry } from './indicators/insolvency';
import { buildLedgerIndex, type LedgerIndex } from './index/ledger-index';
import { fitModelOnIndex, type RiskModel } from './model';
import { resolveSettings } from './settings';
import type { LedgerSnapshot, ScoringSettings, ScoringSettingsInput } from './types';

export interface ScoreOptions {
  /** A model from `fitModel`, reused instead of fitting again. It must be fitted on or before the as-of date. */
  readonly model?: RiskModel;
  /** Insolvent, wound-up and struck-off entities to match customers against. */
  readonly watchList?: readonly WatchListEntry[];
  /** Changes of contact or bank details. Changes after the as-of date are ignored. */
  readonly contactChanges?: readonly ContactChange[];
}

/**
 * Everything about the whole ledger that scoring one customer needs: the model, the identifier
 * index for duplicate detection, the watch list, contact changes and the median invoice. Build it
 * once with `prepareScoring` (or take it from `scoreLedger`) and reuse it for `scoreCustomer`.
 */
export interface ScoringContext {
  readonly asOf: IsoDate;
  readonly settings: ScoringSettings;
  readonly model: RiskModel;
  readonly identifiers: IdentifierIndex;
  readonly watchList: WatchListMatcher;
  readonly contactChanges: ReadonlyMap<number, readonly ContactChange[]>;
  /** Median invoice amount of the whole ledger in base-currency minor units. */
  readonly ledgerMedianInvoiceMinor: number;
  readonly dsoBoundaries: Int32Array;
  readonly agingDefinitions: readonly BucketDefinition[];
}

/** Builds the scoring context from a full ledger snapshot, fitting the model unless one is given. */
export function prepareScoring(snapshot: LedgerSnapshot, asOf: IsoDate, settings: ScoringSettingsInput = {}, options: ScoreOptions = {}): ScoringContext {
  const resolved = resolveSettings(settings);
  return contextFromIndex(buildLedgerIndex(snapshot, asOf), resolved, options);
}

export function contextFromIndex(index: LedgerIndex, settings: ScoringSettings, options: ScoreOptions): ScoringContext {
  const model = options.model ?? fitModelOnIndex(index, settings);
  if (toDayNumber(model.fittedAsOf) > index.asOfDay) {
    throw new RangeError(
      `The model was fitted as of ${model.fittedAsOf}, after the as-of date ${index.asOf}, so it would use later records. Fit it as of ${index.asOf} or earlier.`,
    );
  }
  const contactChanges = new Map<number, ContactChange[]>();
  for (const change of options.contactChanges ?? []) {
    const list = contactChanges.get(change.customerId);
    if (list === undefined) contactChanges.set(change.customerId, [change]);
    else list.push(change);
  }
  return {
    asOf: index.asOf,
    settings,
    model,
    identifiers: buildIdentifierIndex(index.customers),
    watchList: new WatchListMatcher(options.watchList ?? []),
    contactChanges,
    ledgerMedianInvoiceMinor: ledgerMedianInvoice(index),
    dsoBoundaries: countBackBoundaries(index.asOfDay, settings.dsoMaxMonths),
    agingDefinitions: agingBucketDefinitions(settings.agingBoundaries),
  };
}
