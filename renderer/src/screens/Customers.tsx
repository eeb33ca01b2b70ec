import { useEffect, useState, type FormEvent } from 'react';
import { parseDecimalToMinor } from '../../../core/ledger/money';
import { call, onEvent } from '../api/client';
import { EmptyState, errorText, Field } from '../components/Field';
import { count } from '../format';
import { useAppStore } from '../store/index';
import { CustomerDetail } from './risk/CustomerDetail';
import { RiskList } from './risk/RiskList';
import { DuplicatesPanel } from './customers/DuplicatesPanel';

/** The Customers section: the scored list, one customer's detail, and adding a customer by hand. */
export function Customers() {
  const customerId = useAppStore((state) => state.customerId);
  const session = useAppStore((state) => state.session);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const [baseCurrency, setBaseCurrency] = useState('INR');
  const [total, setTotal] = useState<number | null>(null);

  useEffect(() => onEvent('risk.updated', () => setVersion((current) => current + 1)), []);

  useEffect(() => {
    void call('settings.get', {}).then((settings) => setBaseCurrency(settings.baseCurrency));
    void call('customers.list', { offset: 0, limit: 1 }).then((page) => setTotal(page.total));
  }, [version, session]);

  if (customerId !== null) return <CustomerDetail customerId={customerId} currency={baseCurrency} />;
  return (
    <section aria-label="Customers">
      <header className="section-header">
        <h1>Customers <span className="count">{total === null ? '' : count(total)}</span></h1>
        <button type="button" onClick={() => setAdding(true)} disabled={adding}>Add customer</button>
      </header>
      <DuplicatesPanel onMerged={() => setVersion(version + 1)} />
      {adding && <AddCustomerForm onDone={() => { setAdding(false); setVersion(version + 1); }} onCancel={() => setAdding(false)} />}
      {total === 0 && !adding ? (
        <EmptyState title="No customers yet">
          <p>Import a ledger from Tally, Excel or CSV, or add a customer by hand.</p>
        </EmptyState>
      ) : (
        <RiskList key={version} currency={baseCurrency} />
      )}
    </section>
  );
}

function AddCustomerForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState({ name: '', code: '', gstin: '', pan: '', email: '', phone: '', creditLimit: '', terms: '' });
  const [error, setError] = useState<string | null>(null);
  const update = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const creditLimitMinor = form.creditLimit.trim() === '' ? null : parseDecimalToMinor(form.creditLimit, 'INR');
    if (form.creditLimit.trim() !== '' && creditLimitMinor === null) {
      setError(`Credit limit "${form.creditLimit}" is not an amount: write it like 100000 or 1,00,000.50.`);
      return;
    }
    try {
      await call('customers.add', {
        name: form.name,
        externalRef: form.code.trim() === '' ? null : form.code,
        gstin: form.gstin.trim() === '' ? null : form.gstin,
        pan: form.pan.trim() === '' ? null : form.pan,
        creditLimitMinor,
        creditLimitCurrency: creditLimitMinor === null ? null : 'INR',
        paymentTermsDays: form.terms.trim() === '' ? null : Number(form.terms),
        contacts: [
          ...(form.email.trim() === '' ? [] : [{ kind: 'email' as const, value: form.email, name: null }]),
          ...(form.phone.trim() === '' ? [] : [{ kind: 'phone' as const, value: form.phone, name: null }]),
        ],
      });
      onDone();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card inline-form" onSubmit={(event) => void submit(event)} aria-label="Add customer">
      <div className="grid-2">
        <Field label="Name"><input name="name" value={form.name} onChange={update('name')} autoFocus /></Field>
        <Field label="Customer code"><input name="code" value={form.code} onChange={update('code')} /></Field>
        <Field label="GSTIN"><input name="gstin" value={form.gstin} onChange={update('gstin')} className="mono" /></Field>
        <Field label="PAN"><input name="pan" value={form.pan} onChange={update('pan')} className="mono" /></Field>
        <Field label="E-mail"><input name="email" type="email" value={form.email} onChange={update('email')} /></Field>
        <Field label="Phone" hint="Numbers without +country are read as Indian."><input name="phone" value={form.phone} onChange={update('phone')} /></Field>
        <Field label="Credit limit (₹)"><input name="creditLimit" value={form.creditLimit} onChange={update('creditLimit')} inputMode="decimal" /></Field>
        <Field label="Payment terms (days)"><input name="terms" value={form.terms} onChange={update('terms')} inputMode="numeric" /></Field>
      </div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
        <button type="submit" disabled={form.name.trim() === ''}>Save customer</button>
      </div>
    </form>
  );
}
