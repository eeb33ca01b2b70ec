import { DateOrderEvidence } from '../values/date-order';
import type { DateOrder, DateReading } from '../values/dates';

export interface DateColumnOutcome {
  /** Columns whose order the user must choose before the result can be saved. */
  readonly ambiguous: string[];
  /** Columns with values that fit only DMY and others that fit only MDY. */
  readonly conflicting: { readonly header: string; readonly order: DateOrder }[];
  /** The order of every column the values or the mapping decided. */
  readonly decided: Record<string, DateOrder>;
}

/**
 * Day/month order for each date column. Evidence is gathered from the buffered first rows, then
 * `freeze` fixes the order rows are read with. Evidence keeps coming while the rest streams past,
 * and `finish` reports columns that stayed ambiguous or turned out to need the other order.
 */
export class DateColumns {
  private readonly evidence = new Map<string, DateOrderEvidence>();
  private readonly frozen = new Map<string, DateOrder>();
  private readonly frozenDecided = new Set<string>();

  constructor(
    headers: readonly string[],
    private readonly forced: Readonly<Record<string, DateOrder>>,
  ) {
    for (const header of headers) this.evidence.set(header, new DateOrderEvidence());
  }

  observe(header: string, reading: DateReading): void {
    this.evidence.get(header)?.observe(reading);
  }

  freeze(): void {
    for (const [header, evidence] of this.evidence) {
      this.frozen.set(header, evidence.workingOrder);
      const decision = evidence.decision;
      if (decision === 'DMY' || decision === 'MDY' || decision === 'conflict') this.frozenDecided.add(header);
    }
  }

  orderFor(header: string): DateOrder {
    return this.forced[header] ?? this.frozen.get(header) ?? this.evidence.get(header)?.workingOrder ?? 'DMY';
  }

  finish(): DateColumnOutcome {
    const ambiguous: string[] = [];
    const conflicting: { header: string; order: DateOrder }[] = [];
    const decided: Record<string, DateOrder> = {};
    for (const [header, evidence] of this.evidence) {
      const forced = this.forced[header];
      if (forced !== undefined) {
        decided[header] = forced;
        continue;
      }
      const decision = evidence.decision;
      if ((decision === 'DMY' || decision === 'MDY') && decision === this.orderFor(header)) decided[header] = decision;
      if (decision === 'ambiguous') ambiguous.push(header);
      else if (decision === 'conflict') conflicting.push({ header, order: this.orderFor(header) });
      else if ((decision === 'DMY' || decision === 'MDY') && !this.frozenDecided.has(header) && decision !== this.frozen.get(header)) {
        ambiguous.push(header);
      }
    }
    return { ambiguous, conflicting, decided };
  }
}
