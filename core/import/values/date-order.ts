import { allowedOrders, type DateOrder, type DateReading } from './dates';

/**
 * The day/month order of one column, decided from all its values:
 * - `DMY` or `MDY` when some value fits only that order and none fits only the other;
 * - `ambiguous` when every numeric value fits both (every part is 12 or less);
 * - `conflict` when some values fit only DMY and others only MDY (the majority wins);
 * - `none` when the column has no numeric day/month values at all.
 */
export type ColumnDateOrder = DateOrder | 'ambiguous' | 'conflict' | 'none';

export class DateOrderEvidence {
  private onlyDayFirst = 0;
  private onlyMonthFirst = 0;
  private eitherOrder = 0;

  observe(reading: DateReading): void {
    if (reading.kind !== 'day-month') return;
    const orders = allowedOrders(reading);
    if (orders.length === 2) this.eitherOrder++;
    else if (orders[0] === 'DMY') this.onlyDayFirst++;
    else if (orders[0] === 'MDY') this.onlyMonthFirst++;
  }

  get decision(): ColumnDateOrder {
    if (this.onlyDayFirst > 0 && this.onlyMonthFirst > 0) return 'conflict';
    if (this.onlyDayFirst > 0) return 'DMY';
    if (this.onlyMonthFirst > 0) return 'MDY';
    return this.eitherOrder > 0 ? 'ambiguous' : 'none';
  }

  /** The order to read values with: the decided one, the majority in a conflict, else DMY. */
  get workingOrder(): DateOrder {
    const decision = this.decision;
    if (decision === 'DMY' || decision === 'MDY') return decision;
    if (decision === 'conflict') return this.onlyMonthFirst > this.onlyDayFirst ? 'MDY' : 'DMY';
    return 'DMY';
  }
}
