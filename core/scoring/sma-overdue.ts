import { NEVER } from './index/days';
import type { LedgerIndex } from './index/ledger-index';

/** From `day` on, the oldest due day among the borrower's overdue invoices, or NEVER for none. */
export interface OverdueChange {
  readonly day: number;
  readonly oldestDueDay: number;
}

/**
 * Returns the days on which a borrower's oldest overdue due day changes, ascending. An invoice is
 * overdue at the day-end of D when D is on or after its due day and its balance after D's
 * settlements is above zero. Events after the as-of date are absent from the index, so balances
 * open at the as-of date stay open: later changes are projections with no further payments.
 */
export function overdueChanges(index: LedgerIndex, customer: number): OverdueChange[] {
  const intervals = new OverdueIntervals();
  for (let invoice = index.invoiceStart[customer] ?? 0; invoice < (index.invoiceStart[customer + 1] ?? 0); invoice++) {
    addOverdueIntervals(index, invoice, intervals);
  }
  return sweepOldestDue(intervals);
}

/** Day ranges [start, end) in which an invoice with the given due day is overdue. */
class OverdueIntervals {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly dues: number[] = [];

  /** Adds the part of the open range [from, to) that lies on or after the due day. */
  addOpenRange(from: number, to: number, due: number): void {
    const start = Math.max(from, due);
    if (start >= to) return;
    this.starts.push(start);
    this.ends.push(to);
    this.dues.push(due);
  }
}

function addOverdueIntervals(index: LedgerIndex, invoice: number, intervals: OverdueIntervals): void {
  const due = index.dueDay[invoice] ?? 0;
  const end = index.eventStart[invoice + 1] ?? 0;
  let remaining = index.amount[invoice] ?? 0;
  let openFrom = index.issueDay[invoice] ?? 0;
  let open = true;
  for (let event = index.eventStart[invoice] ?? 0; event < end; event++) {
    remaining -= index.eventAmount[event] ?? 0;
    const day = index.eventDay[event] ?? 0;
    if (event + 1 < end && index.eventDay[event + 1] === day) continue;
    if (remaining <= 0 && open) {
      intervals.addOpenRange(openFrom, day, due);
      open = false;
    } else if (remaining > 0 && !open) {
      openFrom = day;
      open = true;
    }
  }
  if (open) intervals.addOpenRange(openFrom, NEVER, due);
}

/** Sweeps interval starts and ends in day order, tracking the minimum due day of the active intervals. */
function sweepOldestDue(intervals: OverdueIntervals): OverdueChange[] {
  const { starts, ends, dues } = intervals;
  const points: number[] = [];
  for (let interval = 0; interval < starts.length; interval++) {
    points.push(starts[interval] ?? 0);
    if (ends[interval] !== NEVER) points.push(ends[interval] ?? 0);
  }
  points.sort((a, b) => a - b);
  const byStart: number[] = [];
  for (let interval = 0; interval < starts.length; interval++) byStart.push(interval);
  byStart.sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0));

  const heap = new MinHeap();
  const changes: OverdueChange[] = [];
  let next = 0;
  let current = NEVER;
  for (let point = 0; point < points.length; point++) {
    const day = points[point] ?? 0;
    if (point > 0 && points[point - 1] === day) continue;
    while (next < byStart.length && (starts[byStart[next] ?? 0] ?? 0) <= day) {
      const interval = byStart[next++] ?? 0;
      heap.push(dues[interval] ?? 0, interval);
    }
    while (heap.size > 0 && (ends[heap.topId()] ?? 0) <= day) heap.pop();
    const oldest = heap.size > 0 ? heap.topKey() : NEVER;
    if (oldest !== current) {
      changes.push({ day, oldestDueDay: oldest });
      current = oldest;
    }
  }
  return changes;
}

/**
 * Binary min-heap of (key, id) pairs. Ended intervals are removed lazily when they reach the top,
 * which is enough because only the top is read.
 */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly ids: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  topKey(): number {
    return this.keys[0] ?? NEVER;
  }

  topId(): number {
    return this.ids[0] ?? -1;
  }

  push(key: number, id: number): void {
    let slot = this.keys.length;
    this.keys.push(key);
    this.ids.push(id);
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if ((this.keys[parent] ?? 0) <= key) break;
      this.keys[slot] = this.keys[parent] ?? 0;
      this.ids[slot] = this.ids[parent] ?? 0;
      slot = parent;
    }
    this.keys[slot] = key;
    this.ids[slot] = id;
  }

  pop(): void {
    const lastKey = this.keys.pop() ?? 0;
    const lastId = this.ids.pop() ?? 0;
    const size = this.keys.length;
    if (size === 0) return;
    let slot = 0;
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && (this.keys[right] ?? 0) < (this.keys[left] ?? 0) ? right : left;
      if ((this.keys[child] ?? 0) >= lastKey) break;
      this.keys[slot] = this.keys[child] ?? 0;
      this.ids[slot] = this.ids[child] ?? 0;
      slot = child;
    }
    this.keys[slot] = lastKey;
    this.ids[slot] = lastId;
  }
}
