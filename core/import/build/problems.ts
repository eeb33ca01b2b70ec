import type { ImportProblem, ImportStats, ProblemSeverity } from '../types';

export interface ProblemInput {
  readonly row: number | null;
  readonly column?: string | null;
  readonly value?: string | null;
  readonly reason: string;
  readonly code: string;
  readonly severity: ProblemSeverity;
}

export function emptyStats(): ImportStats {
  return {
    rowsRead: 0,
    rowsSkipped: 0,
    rowsRejected: 0,
    customers: 0,
    invoices: 0,
    payments: 0,
    allocations: 0,
    errors: 0,
    warnings: 0,
    problemsNotKept: 0,
  };
}

/** Collects problems up to a limit and counts every one, so a broken million-row file stays small. */
export class ProblemLog {
  private pending: ImportProblem[] = [];
  private kept = 0;

  constructor(
    private readonly maxProblems: number,
    private readonly stats: ImportStats,
  ) {}

  add(input: ProblemInput): void {
    if (input.severity === 'error') this.stats.errors++;
    else this.stats.warnings++;
    if (this.kept >= this.maxProblems) {
      this.stats.problemsNotKept++;
      return;
    }
    this.kept++;
    this.pending.push({
      row: input.row,
      column: input.column ?? null,
      value: input.value ?? null,
      reason: input.reason,
      severity: input.severity,
      code: input.code,
    });
  }

  take(): ImportProblem[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}
