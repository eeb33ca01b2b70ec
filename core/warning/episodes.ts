import type { IsoDate } from '../ledger/dates';
import type { AlertSeverity, EpisodeKind, Finding, RuleId } from './types';

/** The stored form of one alert's episode, without the user's workflow state. */
export interface Episode {
  /** Unique per episode: rule, customer and subject, plus the first day for a state. */
  readonly key: string;
  readonly rule: RuleId;
  readonly customerId: number;
  readonly subject: string;
  readonly kind: EpisodeKind;
  /** The day the alert fired: the event's day, or the first evaluated day the state held. */
  readonly alertDate: IsoDate;
  /** The evaluated day of the latest change to the message, severity or evidence. */
  readonly updatedOn: IsoDate;
  /** The first evaluated day a state no longer applied or an event was withdrawn, else null. */
  readonly endedOn: IsoDate | null;
  readonly severity: AlertSeverity;
  readonly message: string;
  readonly evidenceJson: string;
}

export interface EpisodeChange {
  readonly change: 'opened' | 'updated' | 'ended' | 'reopened';
  readonly episode: Episode;
}

function stateBase(finding: Pick<Finding, 'rule' | 'customerId' | 'subject'>): string {
  return `${finding.rule}|${finding.customerId}|${finding.subject}`;
}

/**
 * The episodes known so far and the rule for folding one evaluated day's findings into them.
 * A finding of a known episode updates it and never repeats it, and a state that no longer applies ends.
 * The result depends only on the episodes and the findings, so replaying days gives the same book.
 */
export class EpisodeBook {
  private readonly byKey = new Map<string, Episode>();
  /** Open state episodes by rule, customer and subject. */
  private readonly activeStates = new Map<string, string>();
  /** The latest ended state episode by rule, customer and subject, which a second evaluation of its end day reopens. */
  private readonly lastEnded = new Map<string, string>();

  constructor(episodes: Iterable<Episode> = []) {
    for (const episode of episodes) {
      this.byKey.set(episode.key, episode);
      if (episode.kind !== 'state') continue;
      const base = stateBase(episode);
      if (episode.endedOn === null) this.activeStates.set(base, episode.key);
      else if ((this.byKey.get(this.lastEnded.get(base) ?? '')?.endedOn ?? '') < episode.endedOn) this.lastEnded.set(base, episode.key);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): Episode | undefined {
    return this.byKey.get(key);
  }

  all(): Episode[] {
    return [...this.byKey.values()];
  }

  /**
   * Folds the findings of evaluated day `date` in and returns what changed, in finding order. A
   * state not found that day ends. An open event episode that `expectsEvent` reports the day's
   * findings must contain, but which they do not, ends too: later records (a payment dated
   * before the alert, say) withdrew it.
   */
  apply(date: IsoDate, findings: readonly Finding[], expectsEvent: (episode: Episode) => boolean = () => false): EpisodeChange[] {
    const changes: EpisodeChange[] = [];
    const seenStates = new Set<string>();
    const seenEvents = new Set<string>();
    for (const finding of findings) {
      const base = stateBase(finding);
      if (finding.kind === 'state') seenStates.add(base);
      else seenEvents.add(base);
      const activeKey = finding.kind === 'state' ? (this.activeStates.get(base) ?? this.endedOn(base, date)) : base;
      const key = activeKey ?? `${base}|${date}`;
      const change = this.record(key, finding, date);
      if (change !== null) changes.push(change);
      if (finding.kind === 'state') this.activeStates.set(base, key);
    }
    for (const [base, key] of [...this.activeStates]) {
      if (seenStates.has(base)) continue;
      this.activeStates.delete(base);
      this.lastEnded.set(base, key);
      const episode = { ...this.byKey.get(key)!, endedOn: date };
      this.byKey.set(key, episode);
      changes.push({ change: 'ended', episode });
    }
    for (const episode of this.byKey.values()) {
      if (episode.kind !== 'event' || episode.endedOn !== null || seenEvents.has(episode.key) || !expectsEvent(episode)) continue;
      const ended = { ...episode, endedOn: date };
      this.byKey.set(episode.key, ended);
      changes.push({ change: 'ended', episode: ended });
    }
    return changes;
  }

  /** Returns the state episode of `base` that ended on `date`, which a second evaluation of that day continues. */
  private endedOn(base: string, date: IsoDate): string | undefined {
    const key = this.lastEnded.get(base);
    return key !== undefined && this.byKey.get(key)?.endedOn === date ? key : undefined;
  }

  private record(key: string, finding: Finding, date: IsoDate): EpisodeChange | null {
    const known = this.byKey.get(key);
    const evidenceJson = JSON.stringify(finding.evidence);
    if (known === undefined) {
      const episode: Episode = {
        key, rule: finding.rule, customerId: finding.customerId, subject: finding.subject, kind: finding.kind,
        alertDate: finding.date, updatedOn: date, endedOn: null, severity: finding.severity, message: finding.message, evidenceJson,
      };
      this.byKey.set(key, episode);
      return { change: 'opened', episode };
    }
    const reopened = known.endedOn !== null;
    if (!reopened && known.severity === finding.severity && known.message === finding.message && known.evidenceJson === evidenceJson) return null;
    const episode: Episode = { ...known, updatedOn: date, endedOn: null, severity: finding.severity, message: finding.message, evidenceJson };
    this.byKey.set(key, episode);
    return { change: reopened ? 'reopened' : 'updated', episode };
  }
}
