import type { ImportPreview } from '../../../../core/contract/index';
import { count, date, localDate, money, plural } from '../../format';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onCommit: () => void;
  onCancel: () => void;
}

const entityLabels = { customers: 'Customers', invoices: 'Invoices', payments: 'Payments', allocations: 'Payment allocations' } as const;

/** Shows what the import would write, and every problem found, before anything is written. */
export function PreviewPanel({ preview, busy, onCommit, onCancel, presetLabel }: Props & { presetLabel: string }) {
  const { stats, changes } = preview;
  const blocked = preview.ambiguousDateColumns.length > 0;
  const toWrite = changes.invoices.new + changes.invoices.updated + changes.payments.new + changes.customers.new + changes.customers.updated + changes.allocations.new;
  return (
    <div className="card" aria-label="Import preview">
      <h2>Preview</h2>
      <p className="hint">
        {preview.format.toUpperCase()} · {preview.encoding}{preview.sheetName === null ? '' : ` · sheet ${preview.sheetName}`} · layout {presetLabel} · {plural(stats.rowsRead, 'row')} read, {plural(stats.rowsSkipped, 'layout row')} skipped, {plural(stats.rowsRejected, 'row')} rejected
      </p>
      {preview.alreadyImportedOn !== null && <p className="hint warning">This file was already imported on {localDate(preview.alreadyImportedOn)}. Importing it again adds only what is not in the ledger.</p>}
      <table className="data-table compact" aria-label="Changes">
        <thead><tr><th>Records</th><th className="number">New</th><th className="number">Updated</th><th className="number">Unchanged</th></tr></thead>
        <tbody>
          {(Object.keys(entityLabels) as (keyof typeof entityLabels)[]).map((entity) => (
            <tr key={entity}>
              <td>{entityLabels[entity]}</td>
              <td className="number">{count(changes[entity].new)}</td>
              <td className="number">{count(changes[entity].updated)}</td>
              <td className="number">{count(changes[entity].unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.disputes > 0 && <p className="hint">{count(changes.disputes)} invoices are marked as disputed.</p>}
      {changes.balanceAdjustments > 0 && <p className="hint">{count(changes.balanceAdjustments)} invoices are partly paid per the file; the paid part is recorded as settled before the import.</p>}

      <h3>Problems <span className="count">{plural(stats.errors, 'error')}, {plural(stats.warnings, 'warning')}</span></h3>
      {preview.problems.length === 0 ? (
        <p className="success">No problems found.</p>
      ) : (
        <div className="scroll-box">
          <table className="data-table compact" aria-label="Problems">
            <thead><tr><th>Row</th><th>Column</th><th>Value</th><th>Problem</th></tr></thead>
            <tbody>
              {preview.problems.map((problem, index) => (
                <tr key={index} className={problem.severity}>
                  <td className="number">{problem.row ?? '—'}</td>
                  <td>{problem.column ?? '—'}</td>
                  <td className="mono">{problem.value ?? ''}</td>
                  <td>{problem.severity === 'error' ? 'Error: ' : 'Warning: '}{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stats.problemsNotKept > 0 && <p className="hint">{count(stats.problemsNotKept)} more problems are counted but not listed.</p>}

      {preview.duplicates.length > 0 && (
        <>
          <h3>Possible duplicate customers</h3>
          <ul className="plain-list">
            {preview.duplicates.slice(0, 20).map((group, index) => <li key={index}>{group.message}</li>)}
          </ul>
          <p className="hint">Nothing is merged automatically; review them under Customers after the import.</p>
        </>
      )}

      {preview.sampleInvoices.length > 0 && (
        <>
          <h3>First invoices</h3>
          <table className="data-table compact" aria-label="Sample invoices">
            <thead><tr><th>Row</th><th>Customer</th><th>Invoice</th><th>Date</th><th>Due</th><th className="number">Amount</th><th className="number">Open</th></tr></thead>
            <tbody>
              {preview.sampleInvoices.map((invoice) => (
                <tr key={`${invoice.row}-${invoice.invoiceNumber}`}>
                  <td className="number">{invoice.row}</td>
                  <td>{invoice.customer}</td>
                  <td className="mono">{invoice.invoiceNumber}</td>
                  <td>{date(invoice.issueDate)}</td>
                  <td>{date(invoice.dueDate)}</td>
                  <td className="number">{money(invoice.amountMinor, invoice.currency)}</td>
                  <td className="number">{invoice.openAmountMinor === null ? '—' : money(invoice.openAmountMinor, invoice.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {blocked && <p className="hint warning">Answer the date-order question above and read the file again before importing.</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>Cancel</button>
        <button type="button" onClick={onCommit} disabled={busy || blocked || toWrite === 0}>
          {commitLabel(busy, stats.errors, stats.invoices + stats.payments)}
        </button>
      </div>
    </div>
  );
}

function commitLabel(busy: boolean, errors: number, goodRows: number): string {
  if (busy) return 'Importing…';
  if (errors > 0) return `Import the ${count(goodRows)} good rows`;
  return 'Import';
}
