import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReminderHistoryEntry } from '../../../../core/contract/index';
import { call, onEvent } from '../../api/client';
import { EmptyState, errorText, Field } from '../../components/Field';
import { CustomerSearch, type CustomerMatch } from './CustomerSearch';
import { channelLabels, instant } from './use-reminder-settings';

/** Finds a customer and shows their reminder history, with a form to add an e-mail address or phone number. */
export function HistoryPanel() {
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  const [version, setVersion] = useState(0);
  return (
    <div className="history-panel">
      <div className="card"><CustomerSearch key={version} label="Customer" selectedId={customer?.id ?? null} onSelect={setCustomer} /></div>
      {customer !== null && (
        <>
          <AddContactForm customer={customer} onAdded={(updated) => { setCustomer(updated); setVersion(version + 1); }} />
          <CustomerReminderHistory customerId={customer.id} title={`Reminders to ${customer.name}`} />
        </>
      )}
    </div>
  );
}

function entryStatus(entry: ReminderHistoryEntry): string {
  if (entry.kind === 'skip') return 'Skipped';
  if (entry.status === 'sent' && !entry.deliveryConfirmed) return 'Sent (unconfirmed)';
  return entry.status.charAt(0).toUpperCase() + entry.status.slice(1);
}

/** Shows one customer's reminders, sent and skipped with the reason, newest first. The customer screen can show it too. */
export function CustomerReminderHistory({ customerId, title }: { customerId: number; title: string }) {
  const [entries, setEntries] = useState<ReminderHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => call('reminders.history', { customerId, limit: 200 }).then(setEntries, (failure: unknown) => setError(errorText(failure))), [customerId]);

  useEffect(() => {
    void load();
    return onEvent('ledger.changed', () => void load());
  }, [load]);

  if (error !== null) return <p className="error" role="alert">{error}</p>;
  if (entries === null) return <p className="hint">Loading the reminder history…</p>;
  if (entries.length === 0) return <EmptyState title="No reminders yet"><p>Sent and skipped reminders for this customer appear here.</p></EmptyState>;
  return (
    <section className="card" aria-label="Reminder history">
      <h2>{title}</h2>
      <table className="data-table compact" aria-label="Reminder history entries">
        <thead><tr><th>When</th><th>Channel</th><th>Invoices</th><th>Step</th><th>Status</th><th>Details</th></tr></thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={`${entry.kind}-${entry.outboxId ?? index}-${entry.at}`}>
              <td>{instant(entry.at)}</td>
              <td>{entry.channel === null ? 'All channels' : channelLabels[entry.channel]}</td>
              <td>{entry.invoiceNumbers.join(', ')}</td>
              <td>{entry.stepId}{entry.repeatIndex > 0 ? ` (repeat ${entry.repeatIndex})` : ''}</td>
              <td><span className={`badge ${entry.kind === 'skip' ? 'skipped' : entry.status}`}>{entryStatus(entry)}</span></td>
              <td>{entry.kind === 'skip' ? entry.message : entry.subject}{entry.kind === 'message' && entry.message !== null && <div className="field-error">{entry.message}</div>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AddContactForm({ customer, onAdded }: { customer: CustomerMatch; onAdded: (customer: CustomerMatch) => void }) {
  const [kind, setKind] = useState<'email' | 'phone'>('email');
  const [value, setValue] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAdded(null);
    try {
      const record = await call('reminders.addContact', { customerId: customer.id, kind, value, name: name.trim() === '' ? null : name });
      const emails = record.contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value);
      const phones = record.contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value);
      setAdded(`Added to ${record.name}.`);
      setValue('');
      setName('');
      onAdded({ ...customer, emails, phones });
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card" aria-label="Add contact" onSubmit={(event) => void submit(event)}>
      <h2>Contacts of {customer.name}</h2>
      <p className="hint">E-mail: {customer.emails.length === 0 ? 'none' : customer.emails.join(', ')} · Phone: {customer.phones.length === 0 ? 'none' : customer.phones.join(', ')}</p>
      <div className="grid-3">
        <Field label="Contact type">
          <select name="contactKind" value={kind} onChange={(event) => setKind(event.target.value as 'email' | 'phone')}>
            <option value="email">E-mail address</option>
            <option value="phone">Phone number (WhatsApp, SMS)</option>
          </select>
        </Field>
        <Field label={kind === 'email' ? 'E-mail address' : 'Phone number'} hint={kind === 'phone' ? 'Numbers without +country are read as Indian.' : undefined}>
          <input name="contactValue" value={value} onChange={(event) => setValue(event.target.value)} />
        </Field>
        <Field label="Contact name"><input name="contactName" value={name} onChange={(event) => setName(event.target.value)} /></Field>
      </div>
      {added !== null && <p className="success" role="status">{added}</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="submit" disabled={value.trim() === ''}>Add contact</button></div>
    </form>
  );
}
