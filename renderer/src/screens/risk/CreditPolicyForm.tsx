import { useState, type FormEvent } from 'react';
import type { CustomerRecord } from '../../../../core/contract/index';
import { minorToDecimalString, parseDecimalToMinor } from '../../../../core/ledger/money';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';

/** Credit limit, payment terms and segment of one customer. */
export function CreditPolicyForm({ customer, onSaved }: { customer: CustomerRecord; onSaved: () => void }) {
  const currency = customer.creditLimitCurrency ?? 'INR';
  const [limit, setLimit] = useState(customer.creditLimitMinor === null ? '' : minorToDecimalString(customer.creditLimitMinor, currency));
  const [terms, setTerms] = useState(customer.paymentTermsDays === null ? '' : String(customer.paymentTermsDays));
  const [segment, setSegment] = useState(customer.segment ?? '');
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const creditLimitMinor = limit.trim() === '' ? null : parseDecimalToMinor(limit, currency);
    if (limit.trim() !== '' && creditLimitMinor === null) {
      setMessage(`Credit limit "${limit}" is not an amount: write it like 500000 or 5,00,000.00.`);
      return;
    }
    if (terms.trim() !== '' && !/^\d+$/.test(terms.trim())) {
      setMessage(`Payment terms "${terms}" is not a whole number of days.`);
      return;
    }
    try {
      await call('customers.setCreditLimit', {
        id: customer.id,
        creditLimitMinor,
        currency: creditLimitMinor === null ? null : currency,
        segment: segment.trim() === '' ? null : segment.trim(),
        paymentTermsDays: terms.trim() === '' ? null : Number(terms),
      });
      setMessage('Saved. The score was recalculated.');
      onSaved();
    } catch (failure) {
      setMessage(errorText(failure));
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Credit policy">
      <h2>Credit limit and terms</h2>
      <div className="grid-3">
        <Field label={`Credit limit (${currency})`}><input name="creditLimit" inputMode="decimal" value={limit} onChange={(event) => setLimit(event.target.value)} /></Field>
        <Field label="Payment terms (days)"><input name="terms" inputMode="numeric" value={terms} onChange={(event) => setTerms(event.target.value)} /></Field>
        <Field label="Segment" hint="Customers of a segment share a policy."><input name="segment" value={segment} onChange={(event) => setSegment(event.target.value)} /></Field>
      </div>
      {message !== null && <p className="hint" role="status">{message}</p>}
      <div className="actions"><button type="submit">Save</button></div>
    </form>
  );
}
