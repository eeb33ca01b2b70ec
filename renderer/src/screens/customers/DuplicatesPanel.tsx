import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';

type Groups = RequestOutput<'customers.duplicates'>;

/** Suspected duplicate customers with a merge action; nothing is merged without the user's choice. */
export function DuplicatesPanel({ onMerged }: { onMerged: () => void }) {
  const [groups, setGroups] = useState<Groups>([]);
  const [open, setOpen] = useState(false);
  const [keep, setKeep] = useState<Record<number, number>>({});
  const [error, setError] = useState<string | null>(null);

  const load = () => void call('customers.duplicates', {}).then(setGroups).catch((failure: unknown) => setError(errorText(failure)));
  useEffect(load, []);

  if (groups.length === 0) return null;

  async function merge(index: number) {
    const group = groups[index];
    if (group === undefined) return;
    const keepId = keep[index] ?? group.customers[0]?.id;
    if (keepId === undefined) return;
    const mergeIds = group.customers.map((customer) => customer.id).filter((id) => id !== keepId);
    const kept = group.customers.find((customer) => customer.id === keepId);
    if (!window.confirm(`Merge ${mergeIds.length} customer(s) into "${kept?.name ?? ''}"? Their invoices, payments and contacts move to it.`)) return;
    try {
      await call('customers.merge', { keepId, mergeIds });
      setError(null);
      load();
      onMerged();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div className="card" aria-label="Possible duplicates">
      <button type="button" className="link" onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Review'} {groups.length} possible duplicate {groups.length === 1 ? 'customer' : 'customers'}
      </button>
      {error !== null && <p className="error" role="alert">{error}</p>}
      {open && groups.map((group, index) => (
        <fieldset key={index} className="duplicate-group">
          <legend>{group.message}</legend>
          {group.customers.map((customer) => (
            <label key={customer.id} className="check">
              <input type="radio" name={`keep-${index}`} checked={(keep[index] ?? group.customers[0]?.id) === customer.id} onChange={() => setKeep({ ...keep, [index]: customer.id })} />
              Keep {customer.name}{customer.externalRef === null ? '' : ` (${customer.externalRef})`}{customer.gstin === null ? '' : ` · GSTIN ${customer.gstin}`}
            </label>
          ))}
          <button type="button" className="secondary" onClick={() => void merge(index)}>Merge into the kept customer</button>
        </fieldset>
      ))}
    </div>
  );
}
