import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BureauPreview } from '../../../core/contract/alerts';
import { isImportError } from '../../../core/import/index';
import { matchBureauRows, readBureauFile, type BureauMatch, type BureauUnmatched, type MatchableCustomer } from '../../../core/warning/index';
import { appendAuditRaw } from '../audit';
import type { AppConfig } from '../config';
import { ServiceError } from '../errors';
import type { FileIntake } from '../import/file-intake';
import type { Session } from '../session';

/** The largest bureau file read, in bytes; bureau exports are one short row per customer. */
const maxBureauFileBytes = 64 * 1024 * 1024;

interface ParsedBureauFile {
  readonly fileName: string;
  readonly sha256: string;
  readonly rowCount: number;
  readonly matched: BureauMatch[];
  readonly unmatched: BureauUnmatched[];
  readonly invalid: readonly { row: number; message: string }[];
}

/** Imports credit-bureau score files: a preview that changes nothing, then a commit in one transaction. */
export class BureauImport {
  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    private readonly intake: FileIntake,
  ) {}

  async preview(fileId: string): Promise<BureauPreview> {
    const parsed = await this.parse(fileId);
    const names = new Map(this.customers().map((customer) => [customer.id, customer.name]));
    return {
      fileName: parsed.fileName,
      rowCount: parsed.rowCount,
      matched: parsed.matched.map((match) => ({
        row: match.row.row, customerId: match.customerId, customerName: names.get(match.customerId) ?? '', matchedBy: match.matchedBy,
        bureau: match.row.bureau, reportDate: match.row.reportDate, scale: match.row.scale, value: match.row.value,
      })),
      unmatched: parsed.unmatched,
      invalid: parsed.invalid,
    };
  }

  /**
   * Writes every matched report of the file in one transaction with one audit entry, or nothing
   * when any write fails. Unmatched and invalid rows are skipped and counted; the preview lists them.
   */
  async commit(fileId: string): Promise<{ importId: number; imported: number; unmatched: number; invalid: number }> {
    const parsed = await this.parse(fileId);
    if (parsed.matched.length === 0) {
      throw new ServiceError('invalid_input', `No row of ${parsed.fileName} matches a customer, so nothing was imported. Check the identifiers listed in the preview.`);
    }
    const { raw } = this.session.require().database;
    const now = this.config.now();
    const importId = raw.transaction(() => {
      const id = Number(raw.prepare('insert into bureau_imports (file_name, source_sha256, row_count, imported_count, committed_at) values (?, ?, ?, ?, ?)')
        .run(parsed.fileName, parsed.sha256, parsed.rowCount, parsed.matched.length, now.toISOString()).lastInsertRowid);
      const insert = raw.prepare(`insert into bureau_reports (customer_id, bureau, report_date, scale, value, import_id, source_row, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (customer_id, bureau, scale, report_date) do update set value = excluded.value, import_id = excluded.import_id, source_row = excluded.source_row`);
      for (const match of parsed.matched) {
        insert.run(match.customerId, match.row.bureau, match.row.reportDate, match.row.scale, match.row.value, id, match.row.row, now.toISOString());
      }
      appendAuditRaw(raw, { action: 'bureau.imported', entityType: 'bureau_import', entityId: id, details: { rows: parsed.rowCount, imported: parsed.matched.length, unmatched: parsed.unmatched.length, invalid: parsed.invalid.length } }, now);
      return id;
    })();
    this.intake.discard(fileId);
    return { importId, imported: parsed.matched.length, unmatched: parsed.unmatched.length, invalid: parsed.invalid.length };
  }

  discard(fileId: string): { discarded: boolean } {
    this.intake.discard(fileId);
    return { discarded: true };
  }

  private customers(): MatchableCustomer[] {
    const { raw } = this.session.require().database;
    return (raw.prepare('select id, external_ref, name, pan, gstin from customers where erased_at is null').all() as Record<string, unknown>[])
      .map((row) => ({ id: row.id as number, externalRef: row.external_ref as string | null, name: row.name as string, pan: row.pan as string | null, gstin: row.gstin as string | null }));
  }

  private async parse(fileId: string): Promise<ParsedBureauFile> {
    this.session.require();
    const file = this.intake.get(fileId);
    if (file.sizeBytes > maxBureauFileBytes) throw new ServiceError('invalid_input', `${file.fileName} is ${file.sizeBytes} bytes; a bureau file may have at most ${maxBureauFileBytes}. Split it.`);
    const bytes = new Uint8Array(readFileSync(file.path));
    try {
      const read = await readBureauFile(bytes, file.fileName);
      const { matched, unmatched } = matchBureauRows(read.rows, this.customers());
      return { fileName: file.fileName, sha256: createHash('sha256').update(bytes).digest('hex'), rowCount: read.rowCount, matched, unmatched, invalid: read.invalid };
    } catch (error) {
      if (isImportError(error)) throw new ServiceError('invalid_input', error.message);
      throw error;
    }
  }
}
