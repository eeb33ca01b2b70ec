import type { ApiRequestLogEntry } from '../../../core/contract/api';

/**
 * The most recent API requests, kept in memory only: writing them to the ledger would make every
 * rejected request a change to the ledger. Entries hold no body, query string or token.
 */
export class RequestLog {
  private readonly entries: ApiRequestLogEntry[] = [];
  private next = 0;

  constructor(private readonly capacity = 500) {}

  add(entry: ApiRequestLogEntry): void {
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Returns up to `limit` entries, newest first. */
  recent(limit: number): ApiRequestLogEntry[] {
    const ordered = this.entries.length < this.capacity ? [...this.entries] : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.reverse().slice(0, limit);
  }

  clear(): void {
    this.entries.length = 0;
    this.next = 0;
  }
}
