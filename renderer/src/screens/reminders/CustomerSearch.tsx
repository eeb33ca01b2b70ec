import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';

export type CustomerMatch = RequestOutput<'reminders.findCustomers'>[number];

/** Searches customers by name or code and lists the matches with their open invoices and contacts. */
export function CustomerSearch({ label, selectedId, onSelect }: { label: string; selectedId: number | null; onSelect: (customer: CustomerMatch) => void }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<CustomerMatch[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      call('reminders.findCustomers', { query, limit: 8 }).then(setMatches, (failure: unknown) => setError(errorText(failure)));
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div className="customer-search">
      <Field label={label}>
        <input type="search" name="customerSearch" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name or customer code" />
      </Field>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <ul className="match-list" aria-label="Matching customers">
        {matches.map((customer) => (
          <li key={customer.id}>
            <button type="button" className={customer.id === selectedId ? 'match active' : 'match'} aria-pressed={customer.id === selectedId} onClick={() => onSelect(customer)}>
              <span className="strong">{customer.name}</span>
              {customer.externalRef !== null && customer.externalRef !== customer.name && <span className="hint"> {customer.externalRef}</span>}
              <span className="hint"> · {customer.openInvoices} open · {customer.emails.length === 0 ? 'no e-mail' : customer.emails.join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
