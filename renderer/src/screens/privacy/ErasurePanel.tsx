import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import type { CustomerBrief } from './CustomerPicker';

type Preview = RequestOutput<'privacy.customer.erasurePreview'>;
type Erased = RequestOutput<'privacy.customer.erase'>;

/** Shows what erasure deletes and keeps, and erases only after the customer's name is typed. */
export function ErasurePanel({ customer, onErased }: { customer: CustomerBrief; onErased: (pseudonym: string) => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<Erased | null>(null);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim().toLocaleLowerCase() === customer.name.trim().toLocaleLowerCase();

  useEffect(() => {
    setPreview(null);
    setTyped('');
    setResult(null);
  }, [customer.id]);

  async function showPreview() {
    try {
      setPreview(await call('privacy.customer.erasurePreview', { customerId: customer.id }));
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function erase() {
    try {
      const erased = await call('privacy.customer.erase', { customerId: customer.id, confirmName: typed, requestId: null });
      setResult(erased);
      setPreview(null);
      onErased(erased.pseudonym);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  if (customer.erased && result === null) {
    return <p className="hint">This customer was erased. Only invoice numbers, dates and amounts remain, under the pseudonym.</p>;
  }

  return (
    <div className="card danger-zone" aria-label="Erase customer">
      <h2>{result === null ? `Erase ${customer.name}` : 'Customer erased'}</h2>
      {result === null && <p className="hint">Deletes the customer&apos;s personal data for good. Invoices and payments that accounting law requires stay, without names, contacts or descriptions.</p>}
      {preview === null && result === null && <button type="button" className="danger" onClick={() => void showPreview()}>Review erasure</button>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      {preview !== null && (
        <div>
          {preview.warnings.map((warning) => <p key={warning} className="hint warning">{warning}</p>)}
          <h3>Deleted</h3>
          <ul className="plain-list">{Object.entries(preview.removed).map(([table, count]) => <li key={table}>{count} {table.replace(/_/g, ' ')}</li>)}<li>name, code, GSTIN, PAN, CIN, address and credit details</li></ul>
          <KeptList kept={preview.kept} />
          <Field label={`Type the customer's name (${customer.name}) to confirm`}>
            <input value={typed} onChange={(event) => setTyped(event.target.value)} aria-label="Customer name to confirm erasure" autoComplete="off" />
          </Field>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPreview(null)}>Cancel</button>
            <button type="button" className="danger" disabled={!matches} onClick={() => void erase()}>Erase permanently</button>
          </div>
        </div>
      )}
      {result !== null && (
        <div role="status" aria-label="Erasure result">
          <p className="success">Erased. The customer is now “{result.pseudonym}”.</p>
          <KeptList kept={result.kept} />
          <p className="hint">{result.compacted ? 'The ledger file was compacted, so the deleted values are gone from its pages.' : 'The ledger file is compacted when it is next closed.'}</p>
        </div>
      )}
    </div>
  );
}

function KeptList({ kept }: { kept: Preview['kept'] }) {
  return (
    <>
      <h3>Kept, and why</h3>
      <table className="data-table compact" aria-label="Kept records">
        <thead><tr><th>What</th><th className="number">Count</th><th>Fields kept</th><th>Rule</th></tr></thead>
        <tbody>{kept.map((item) => <tr key={item.what}><td>{item.what}</td><td className="number">{item.count}</td><td>{item.fields}</td><td>{item.rule}</td></tr>)}</tbody>
      </table>
    </>
  );
}
