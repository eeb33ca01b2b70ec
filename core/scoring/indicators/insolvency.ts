import type { IsoDate } from '../../ledger/dates';
import { isoDateOf } from '../index/days';
import type { Customer } from '../../ledger/types';
import { nameKey } from '../../quality/identifiers';
import { daysPastDueOnDay, smaClassOnDay, type SmaTimeline } from '../sma';
import type { InsolvencySettings } from '../types';
import { blankToNull } from './identity';
import type { Indicator } from './indicator';

export type WatchListStatus = 'insolvency-proceedings' | 'liquidation' | 'struck-off' | 'dissolved' | 'other';

/** An insolvent, wound-up or struck-off entity from an imported list. */
export interface WatchListEntry {
  readonly id: string;
  readonly name: string;
  readonly pan: string | null;
  readonly gstin: string | null;
  /** Corporate Identification Number of a company registered with the MCA. */
  readonly cin: string | null;
  readonly status: WatchListStatus;
  /** Name of the list the entry comes from, for example an IBBI insolvency list or an MCA struck-off list. */
  readonly source: string;
  /** Day the entity was listed; entries listed after the as-of date are ignored. Null means undated. */
  readonly listedOn: IsoDate | null;
}

export type WatchListMatchKind = 'gstin' | 'pan' | 'cin' | 'name';

export interface WatchListMatch {
  readonly entry: WatchListEntry;
  readonly matchedOn: WatchListMatchKind;
  readonly value: string;
}

function compact(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** Returns the PAN recorded, or else the one inside a 15-character GSTIN. */
function panOf(pan: string | null, gstin: string | null): string | null {
  if (blankToNull(pan) !== null) return compact(pan ?? '');
  const compactGstin = blankToNull(gstin) === null ? '' : compact(gstin ?? '');
  return compactGstin.length === 15 ? compactGstin.slice(2, 12) : null;
}

/**
 * Matches customers against a watch list by GSTIN, PAN (recorded or inside the GSTIN), CIN and
 * normalised name (`nameKey`, which ignores case, punctuation and legal-form words). The entries
 * are indexed once, so each customer costs a few map look-ups.
 */
export class WatchListMatcher {
  private readonly byKey = new Map<string, WatchListEntry[]>();

  constructor(entries: readonly WatchListEntry[]) {
    for (const entry of entries) {
      const gstin = blankToNull(entry.gstin);
      const cin = blankToNull(entry.cin);
      const pan = panOf(entry.pan, entry.gstin);
      if (gstin !== null) this.add(`gstin:${compact(gstin)}`, entry);
      if (pan !== null) this.add(`pan:${pan}`, entry);
      if (cin !== null) this.add(`cin:${compact(cin)}`, entry);
      const name = nameKey(entry.name);
      if (name !== '') this.add(`name:${name}`, entry);
    }
  }

  private add(key: string, entry: WatchListEntry): void {
    const entries = this.byKey.get(key);
    if (entries === undefined) this.byKey.set(key, [entry]);
    else entries.push(entry);
  }

  /** Returns one match per entry, by the strongest key that matched. Entries listed after `asOf` are skipped. */
  match(customer: Customer, asOf: IsoDate): WatchListMatch[] {
    const candidates: [WatchListMatchKind, string | null][] = [
      ['gstin', blankToNull(customer.gstin) === null ? null : compact(customer.gstin ?? '')],
      ['pan', panOf(customer.pan, customer.gstin)],
      ['cin', blankToNull(customer.cin) === null ? null : compact(customer.cin ?? '')],
      ['name', this.byKey.size === 0 ? null : nameKey(customer.name)],
    ];
    const matches: WatchListMatch[] = [];
    const seen = new Set<string>();
    for (const [kind, value] of candidates) {
      if (value === null || value === '') continue;
      for (const entry of this.byKey.get(`${kind}:${value}`) ?? []) {
        if (seen.has(entry.id) || (entry.listedOn !== null && entry.listedOn > asOf)) continue;
        seen.add(entry.id);
        matches.push({ entry, matchedOn: kind, value });
      }
    }
    return matches;
  }
}

export function watchListIndicators(customer: Customer, matches: readonly WatchListMatch[]): Indicator[] {
  return matches.map((match) => ({
    category: 'insolvency',
    code: 'watch-list-match',
    severity: match.matchedOn === 'name' ? 'warning' : 'high',
    message: `${match.matchedOn === 'name' ? 'Name' : match.matchedOn.toUpperCase()} ${match.value} matches "${match.entry.name}" (${match.entry.status}) on ${match.entry.source}${match.entry.listedOn === null ? '' : `, listed ${match.entry.listedOn}`}.${match.matchedOn === 'name' ? ' A name match alone may be a different business: check the identifiers.' : ''}`,
    values: { matchedOn: match.matchedOn, value: match.value, status: match.entry.status, source: match.entry.source, listedOn: match.entry.listedOn },
    records: [{ kind: 'customer', id: customer.id }, { kind: 'watch-list-entry', id: match.entry.id }],
  }));
}

/**
 * Flags severe delinquency: days past due (RBI day-end count) at or above the severe threshold,
 * or an NPA class. It is "rising" when days past due are higher than `trendLookbackDays` earlier,
 * which is the case whenever nothing was paid towards the oldest overdue amount in between.
 */
export function delinquencyIndicators(customer: Customer, timeline: SmaTimeline, settings: InsolvencySettings): Indicator[] {
  const now = daysPastDueOnDay(timeline, timeline.asOfDay);
  const smaClass = smaClassOnDay(timeline, timeline.asOfDay);
  if (now < settings.severeDaysPastDue && smaClass !== 'NPA') return [];
  const earlierDay = timeline.asOfDay - settings.trendLookbackDays;
  const earlierDate = isoDateOf(earlierDay);
  const earlier = daysPastDueOnDay(timeline, earlierDay);
  const rising = now > earlier;
  return [{
    category: 'insolvency',
    code: rising ? 'severe-rising-delinquency' : 'severe-delinquency',
    severity: rising ? 'high' : 'warning',
    message: `${now} days past due (${smaClass})${rising ? `, up from ${earlier} on ${earlierDate}` : `, not higher than ${earlier} on ${earlierDate}`}.`,
    values: { daysPastDue: now, smaClass, earlierDate, earlierDaysPastDue: earlier },
    records: [{ kind: 'customer', id: customer.id }],
  }];
}
