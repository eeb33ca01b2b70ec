import { smaTransitionsFromDay, type SmaTimeline } from '../../scoring/sma';
import { bands, type Band, type SmaClass } from '../../scoring/types';
import { toDayNumber } from '../../ledger/dates';
import { eventFinding, stateFinding, type CustomerView } from '../customer-view';
import type { BandMemory, CustomerMemory, Finding } from '../types';

const classRank: Readonly<Record<SmaClass, number>> = { standard: 0, 'SMA-0': 1, 'SMA-1': 2, 'SMA-2': 3, NPA: 4 };

/**
 * Flags the RBI class worsening (for example SMA-0 to SMA-1), dated the exact day of the move from the
 * class timeline. One alert per class reached within a spell out of standard: the subject names
 * the class and the first day of the spell, so a cured borrower who slips again alerts again.
 */
export function smaWorsening(view: CustomerView, timeline: SmaTimeline, out: Finding[]): void {
  const rule = view.settings.rules['sma-worsening'];
  if (!rule.enabled) return;
  let spellStart = '';
  for (const transition of smaTransitionsFromDay(timeline, -Infinity)) {
    if (transition.projected) break;
    if (transition.from === 'standard') spellStart = transition.date;
    if (classRank[transition.to] <= classRank[transition.from] || classRank[transition.to] < classRank[rule.minClass]) continue;
    const finding = eventFinding(view, toDayNumber(transition.date), {
      rule: 'sma-worsening',
      subject: `${transition.to}@${spellStart}`,
      severity: classRank[transition.to] >= classRank['SMA-2'] ? 'high' : 'warning',
      message: `Moved from ${transition.from} to ${transition.to} at ${transition.daysPastDue} days past due.`,
      evidence: { invoices: [], paymentIds: [], values: { from: transition.from, to: transition.to, daysPastDue: transition.daysPastDue, spellStart } },
    });
    if (finding !== null) out.push(finding);
  }
}

function bandRank(band: Band): number {
  return bands.indexOf(band);
}

/** Returns the memory entry to compare against: the latest day before the evaluated one. */
function baselineFor(memory: CustomerMemory | undefined, date: string): BandMemory | null {
  if (memory === undefined) return null;
  if (memory.latest.day < date) return memory.latest;
  return memory.previous !== null && memory.previous.day < date ? memory.previous : null;
}

/**
 * Flags a score band drop of at least `minSteps` bands against the previous evaluated day. The episode
 * lasts while the band stays that far below the band before the drop, so a customer moving
 * between C and D every day raises one alert, not one a day. Returns the new memory entry.
 */
export function bandDrop(view: CustomerView, out: Finding[]): BandMemory | null {
  const score = view.score;
  if (score === undefined) return null;
  const rule = view.settings.rules['band-drop'];
  const baseline = baselineFor(view.memory, view.date);
  let dropFrom: Band | null = baseline?.dropFrom ?? null;
  if (dropFrom !== null && bandRank(score.band) - bandRank(dropFrom) < rule.minSteps) dropFrom = null;
  if (dropFrom === null && baseline !== null && bandRank(score.band) - bandRank(baseline.band) >= rule.minSteps) dropFrom = baseline.band;
  if (rule.enabled && dropFrom !== null) {
    out.push(stateFinding(view, {
      rule: 'band-drop',
      subject: 'band',
      severity: bandRank(score.band) >= bandRank('D') ? 'high' : 'warning',
      message: `Risk band fell from ${dropFrom} to ${score.band} (score ${score.score}).`,
      evidence: { invoices: [], paymentIds: [], values: { from: dropFrom, to: score.band, score: score.score } },
    }));
  }
  return { day: view.date, band: score.band, dropFrom };
}
