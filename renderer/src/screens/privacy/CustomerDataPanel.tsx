import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { rectifiableFields } from '../../../../core/contract/privacy';
import { call } from '../../api/client';
import { EmptyState, errorText, Field } from '../../components/Field';
import { bytes } from '../../format';
import type { CustomerBrief } from './CustomerPicker';
import { ErasurePanel } from './ErasurePanel';

type ExportResult = RequestOutput<'privacy.customer.export'>;
type Rectification = RequestOutput<'privacy.rectifications.list'>[number];

/** Carries out a person's requests about their own data: a copy (access, portability), a correction, erasure. */
export function CustomerDataPanel({ customer, onChanged }: { customer: CustomerBrief | null; onChanged: (customer: CustomerBrief | null) => void }) {
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setExported(null);
    setError(null);
  }, [customer]);

  if (customer === null) return <EmptyState title="Choose a customer"><p>Search for a customer to export, correct or erase their data.</p></EmptyState>;

  async function exportData() {
    if (customer === null) return;
    try {
      setExported(await call('privacy.customer.export', { customerId: customer.id, requestId: null }));
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div>
      <div className="card" aria-label="Export customer data">
        <h2>Export everything about {customer.name}</h2>
        <p className="hint">Writes a folder with data.json, one CSV file per table and a readable summary.html: invoices, payments, contacts, consents, requests and the audit entries about this customer.</p>
        <button type="button" onClick={() => void exportData()}>Export data</button>
        {error !== null && <p className="error" role="alert">{error}</p>}
        {exported !== null && (
          <div role="status" aria-label="Export result">
            <p className="success">Exported to <span className="mono">{exported.folder}</span></p>
            <ul className="plain-list">{exported.files.map((file) => <li key={file.name}>{file.name} ({bytes(file.sizeBytes)})</li>)}</ul>
          </div>
        )}
      </div>
      {!customer.erased && <RectifyForm customer={customer} onChanged={onChanged} />}
      <ErasurePanel customer={customer} onErased={(pseudonym) => onChanged({ ...customer, name: pseudonym, erased: true })} />
    </div>
  );
}

function RectifyForm({ customer, onChanged }: { customer: CustomerBrief; onChanged: (customer: CustomerBrief) => void }) {
  const [field, setField] = useState<(typeof rectifiableFields)[number]>('name');
  const [contacts, setContacts] = useState<{ id: number; value: string }[]>([]);
  const [contactId, setContactId] = useState<number | null>(null);
  const [newValue, setNewValue] = useState('');
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<Rectification[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setHistory(await call('privacy.rectifications.list', { customerId: customer.id }));
    setContacts((await call('privacy.consents.list', { customerId: customer.id })).contacts);
  }, [customer.id]);
  useEffect(() => void load().catch((failure: unknown) => setError(errorText(failure))), [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await call('privacy.customer.rectify', { customerId: customer.id, field, contactId, newValue: newValue.trim() === '' ? null : newValue, reason, requestedOn: null, requestId: null });
      setNewValue('');
      setReason('');
      setError(null);
      if (field === 'name' && result.newValue !== null) onChanged({ ...customer, name: result.newValue });
      await load();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card" aria-label="Correct customer data" onSubmit={(event) => void submit(event)}>
      <h2>Correct a field</h2>
      <div className="grid-3">
        <Field label="Field"><select value={field} onChange={(event) => setField(event.target.value as typeof field)}>{rectifiableFields.map((item) => <option key={item}>{item}</option>)}</select></Field>
        {field === 'contact' && <Field label="Contact to correct"><select value={contactId ?? ''} onChange={(event) => setContactId(event.target.value === '' ? null : Number(event.target.value))}><option value="">Choose…</option>{contacts.map((contact) => <option key={contact.id} value={contact.id}>{contact.value}</option>)}</select></Field>}
        <Field label="Corrected value" hint="Leave empty to remove the value."><input value={newValue} onChange={(event) => setNewValue(event.target.value)} /></Field>
        <Field label="Reason"><input value={reason} onChange={(event) => setReason(event.target.value)} /></Field>
      </div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="submit">Save correction</button></div>
      {history.length > 0 && (
        <table className="data-table compact" aria-label="Corrections">
          <thead><tr><th>Field</th><th>Old value</th><th>New value</th><th>Reason</th><th>Requested</th></tr></thead>
          <tbody>{history.map((item) => <tr key={item.id}><td>{item.field}</td><td>{item.oldValue ?? '—'}</td><td>{item.newValue ?? '—'}</td><td>{item.reason}</td><td>{item.requestedOn}</td></tr>)}</tbody>
        </table>
      )}
    </form>
  );
}
