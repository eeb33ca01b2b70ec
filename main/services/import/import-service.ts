import type Database from 'better-sqlite3-multiple-ciphers';
import type { ImportLogEntry, ImportPreview, ImportRequestOptions } from '../../../core/contract/imports';
import { isImportError, presets, type ImportHeader, type ImportMapping, type ImportOptions, type ImportProblem, type ImportStats, type InvoiceDraft, type CustomerDraft } from '../../../core/import/index';
import { findDuplicateCustomers } from '../../../core/quality/duplicates';
import { appendAuditRaw } from '../audit';
import type { AppConfig } from '../config';
import { ServiceError } from '../errors';
import type { Session } from '../session';
import { readSetting, writeSetting } from '../settings-store';
import type { FileIntake, IntakeFile } from './file-intake';
import { ImportWriter, type ImportChanges } from './import-writer';
import { parseFileInWorker } from './parse-in-worker';
import { prepareImportStatements } from './statements';
import { undoImport } from './undo';

/** Problems kept for display; the counts per code cover all of them. */
const maxProblemsShown = 1000;
const sampleSize = 20;
const mappingsKey = 'import.mappings';

const layoutDescriptions: Record<string, string> = {
  invoices: 'One row per invoice, with its payment where the file has one.',
  payments: 'One row per payment received.',
  'open-items': 'An outstanding or ageing report: open bills grouped by party.',
};

interface RunResult {
  importId: number;
  header: ImportHeader | null;
  stats: ImportStats | null;
  ambiguousDateColumns: readonly string[];
  changes: ImportChanges;
  problems: ImportProblem[];
  problemCounts: Record<string, number>;
  customers: CustomerDraft[];
  sampleInvoices: InvoiceDraft[];
  sha256: string;
}

/**
 * Previews, commits and undoes imports. A preview runs the whole import inside a transaction and
 * rolls it back, so its counts of new, updated and unchanged records are exactly what a commit
 * would write. A commit runs the same code and commits: all rows or none.
 */
export class ImportService {
  private readonly log;

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    readonly intake: FileIntake,
    private readonly chooseFileInDialog: (() => Promise<string | null>) | null,
  ) {
    this.log = config.logger.child({ subsystem: 'import' });
  }

  presets() {
    return presets.map((preset) => ({ id: preset.id, label: preset.label, description: layoutDescriptions[preset.layout] ?? preset.layout }));
  }

  async chooseFile() {
    if (this.chooseFileInDialog === null) {
      throw new ServiceError('unsupported', 'Choosing a file by dialog needs the desktop app; in browser mode the file is uploaded instead.');
    }
    const path = await this.chooseFileInDialog();
    if (path === null) return null;
    const file = this.intake.registerPath(path);
    return { fileId: file.fileId, fileName: file.fileName, sizeBytes: file.sizeBytes };
  }

  async preview(fileId: string, options: ImportRequestOptions): Promise<ImportPreview> {
    const file = this.intake.get(fileId);
    const result = await this.run(file, options, 'dry-run');
    const duplicates = findDuplicateCustomers(result.customers).slice(0, 200).map((group) => ({
      reasons: group.reasons,
      message: group.message,
      names: group.members.map((member) => member.name),
    }));
    const previous = await this.findPreviousImport(result.sha256);
    return {
      file: { fileId: file.fileId, fileName: file.fileName, sizeBytes: file.sizeBytes },
      format: result.header?.format ?? 'unknown',
      preset: result.header?.preset ?? '',
      encoding: result.header?.encoding ?? '',
      sheetName: result.header?.sheetName ?? null,
      columns: [...(result.header?.columns ?? [])],
      mapping: result.header?.mapping ?? null,
      stats: result.stats ?? emptyStats(),
      changes: result.changes,
      problems: result.problems,
      problemCounts: result.problemCounts,
      ambiguousDateColumns: [...result.ambiguousDateColumns],
      duplicates,
      sampleInvoices: result.sampleInvoices.map((invoice) => ({
        row: invoice.sourceRow,
        customer: invoice.customerKey,
        invoiceNumber: invoice.invoiceNumber,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amountMinor: invoice.amountMinor,
        currency: invoice.currency,
        openAmountMinor: invoice.openAmountMinor,
      })),
      alreadyImportedOn: previous,
    };
  }

  async commit(fileId: string, options: ImportRequestOptions) {
    const file = this.intake.get(fileId);
    const result = await this.run(file, options, 'commit');
    this.intake.discard(fileId);
    this.session.emit('ledger.changed', { tables: ['customers', 'invoices', 'payments', 'allocations'] });
    return { importId: result.importId, changes: result.changes, problems: result.problems };
  }

  /** Imports a file by path without the intake, for the command line. */
  async importPath(path: string, options: ImportRequestOptions, dryRun: boolean) {
    const file = this.intake.registerPath(path);
    try {
      const result = await this.run(file, options, dryRun ? 'dry-run' : 'commit');
      return { ...result, file };
    } finally {
      this.intake.discard(file.fileId);
    }
  }

  discard(fileId: string) {
    this.intake.discard(fileId);
    return { discarded: true };
  }

  private async findPreviousImport(sha256: string): Promise<string | null> {
    const { db } = this.session.require().database;
    const row = await db.selectFrom('imports').select('committed_at').where('source_sha256', '=', sha256).where('committed_at', 'is not', null).where('undone_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
    return row?.committed_at ?? null;
  }

  /**
   * Streams the file through the parser into the ledger inside one transaction. Holding kysely's
   * connection for the whole run keeps every other query out until it commits or rolls back.
   */
  private async run(file: IntakeFile, options: ImportRequestOptions, mode: 'dry-run' | 'commit'): Promise<RunResult> {
    const { raw, db } = this.session.require().database;
    const now = this.config.now();
    const started = Date.now();
    return db.connection().execute(async () => {
      raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.writeAll(raw, file, options, now, mode);
        if (mode === 'commit') raw.exec('COMMIT');
        else raw.exec('ROLLBACK');
        this.log.info({ importId: result.importId, mode, ms: Date.now() - started, rows: result.stats?.rowsRead ?? 0 }, 'import finished');
        return result;
      } catch (error) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        this.log.warn({ mode, code: isImportError(error) ? error.code : undefined }, 'import stopped');
        if (isImportError(error)) throw new ServiceError('invalid_input', error.message, { importError: error.code });
        throw error;
      }
    });
  }

  private async writeAll(raw: Database.Database, file: IntakeFile, options: ImportRequestOptions, now: Date, mode: 'dry-run' | 'commit'): Promise<RunResult> {
    const at = now.toISOString();
    const importId = Number(raw.prepare("insert into imports (source_file, source_sha256, format, started_at) values (?, '', '', ?)").run(file.fileName, at).lastInsertRowid);
    const writer = new ImportWriter(prepareImportStatements(raw), importId, file.fileName, at);
    const problems: ImportProblem[] = [];
    const problemCounts: Record<string, number> = {};
    const customers = new Map<string, CustomerDraft>();
    const sampleInvoices: InvoiceDraft[] = [];
    const keepProblem = (problem: ImportProblem) => {
      problemCounts[problem.code] = (problemCounts[problem.code] ?? 0) + 1;
      if (problems.length < maxProblemsShown) problems.push(problem);
    };
    let header: ImportHeader | null = null;
    let stats: ImportStats | null = null;
    let ambiguousDateColumns: readonly string[] = [];

    const parsed = parseFileInWorker(this.intake.get(file.fileId).path, { ...toImportOptions(file, options), ...(this.config.importLimits === undefined ? {} : { limits: this.config.importLimits }) });
    for await (const event of parsed.events) {
      if (event.type === 'header') header = event.header;
      else if (event.type === 'summary') {
        stats = event.stats;
        ambiguousDateColumns = event.ambiguousDateColumns;
      } else {
        writer.writeBatch(event.batch);
        event.batch.problems.forEach(keepProblem);
        for (const customer of event.batch.customers) if (mode === 'dry-run') customers.set(customer.key, customer);
        for (const invoice of event.batch.invoices) if (sampleInvoices.length < sampleSize) sampleInvoices.push(invoice);
      }
    }
    writer.finish();
    writer.problems.forEach(keepProblem);
    if (mode === 'commit' && ambiguousDateColumns.length > 0) {
      throw new ServiceError('invalid_input', `The day and month order of ${ambiguousDateColumns.map((column) => `"${column}"`).join(', ')} cannot be decided from the values. Choose DD/MM or MM/DD for each, then import again.`, { ambiguousDateColumns });
    }
    const sha256 = parsed.sha256();
    raw.prepare('update imports set source_sha256 = ?, format = ?, preset = ?, mapping_json = ?, counts_json = ?, committed_at = ? where id = ?')
      .run(sha256, header?.format ?? 'unknown', header?.preset ?? null, header?.mapping === null || header === null ? null : JSON.stringify(header.mapping), JSON.stringify(writer.changes), at, importId);
    appendAuditRaw(raw, { action: 'import.committed', entityType: 'import', entityId: importId, details: { format: header?.format, preset: header?.preset, rows: stats?.rowsRead ?? 0, changes: writer.changes } }, now);
    return { importId, header, stats, ambiguousDateColumns, changes: writer.changes, problems, problemCounts, customers: [...customers.values()], sampleInvoices, sha256 };
  }

  async list(): Promise<ImportLogEntry[]> {
    const { db } = this.session.require().database;
    const rows = await db.selectFrom('imports').selectAll().where('committed_at', 'is not', null).orderBy('id', 'desc').execute();
    return rows.map((row) => ({
      id: row.id,
      sourceFile: row.source_file,
      format: row.format,
      preset: row.preset,
      startedAt: row.started_at,
      committedAt: row.committed_at,
      undoneAt: row.undone_at,
      changes: row.counts_json === '{}' ? null : (JSON.parse(row.counts_json) as ImportChanges),
    }));
  }

  async undo(importId: number) {
    const { raw, db } = this.session.require().database;
    const now = this.config.now();
    const removed = await db.connection().execute(async () => undoImport(raw, importId, now));
    this.session.emit('ledger.changed', { tables: ['customers', 'invoices', 'payments', 'allocations'] });
    return { importId, removed };
  }

  async mappings(): Promise<{ name: string; mapping: ImportMapping }[]> {
    const { db } = this.session.require().database;
    const saved = await readSetting<Record<string, ImportMapping>>(db, mappingsKey, {});
    return Object.entries(saved).map(([name, mapping]) => ({ name, mapping })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async saveMapping(name: string, mapping: ImportMapping): Promise<{ saved: true }> {
    const { db } = this.session.require().database;
    const now = this.config.now();
    await db.transaction().execute(async (trx) => {
      const saved = await readSetting<Record<string, ImportMapping>>(trx, mappingsKey, {});
      await writeSetting(trx, mappingsKey, { ...saved, [name]: mapping }, now);
      const { appendAudit } = await import('../audit');
      await appendAudit(trx, { action: 'import.mapping_saved', entityType: 'settings', details: { preset: mapping.preset } }, now);
    });
    return { saved: true };
  }
}

function toImportOptions(file: IntakeFile, options: ImportRequestOptions): ImportOptions {
  return {
    fileName: file.fileName,
    ...(options.preset === undefined ? {} : { preset: options.preset }),
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.defaultCurrency === undefined ? {} : { defaultCurrency: options.defaultCurrency }),
    ...(options.defaultTermsDays === undefined ? {} : { defaultTermsDays: options.defaultTermsDays }),
    ...(options.termsByCustomer === undefined ? {} : { termsByCustomer: options.termsByCustomer }),
  };
}

function emptyStats(): ImportStats {
  return { rowsRead: 0, rowsSkipped: 0, rowsRejected: 0, customers: 0, invoices: 0, payments: 0, allocations: 0, errors: 0, warnings: 0, problemsNotKept: 0 };
}
