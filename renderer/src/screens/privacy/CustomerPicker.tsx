import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';

export type CustomerBrief = RequestOutput<'privacy.customers.search'>[number];

/** Finds a customer by name, code or GSTIN and reports the one chosen. */
export function CustomerPicker({ selected, onSelect }: { selected: CustomerBrief | null; onSelect: (customer: CustomerBrief | null) => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CustomerBrief[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      call('privacy.customers.search', { query, limit: 8 })
        .then((found) => {
          setResults(found);
          setError(null);
        })
        .catch((failure: unknown) => setError(errorText(failure)));
    }, 150);
    return () => clearTimeout(timer);
  }, [query, selected?.name, selected?.erased]);

  return (
    <div className="customer-picker">
      <label className="field">
        <span className="field-label">Customer</span>
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Search by name, code or GSTIN" aria-label="Search customers" />
      </label>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <ul className="picker-results" aria-label="Matching customers">
        {results.map((customer) => (
          <li key={customer.id}>
            <button type="button" className={selected?.id === customer.id ? 'picker-item chosen' : 'picker-item'} aria-pressed={selected?.id === customer.id} onClick={() => onSelect(customer)}>
              <span>{customer.name}</span>
              <span className="hint">{customer.externalRef ?? `id ${customer.id}`}{customer.erased ? ' · erased' : ''}</span>
            </button>
          </li>
        ))}
        {results.length === 0 && <li className="hint">No customer matches.</li>}
      </ul>
    </div>
  );
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
