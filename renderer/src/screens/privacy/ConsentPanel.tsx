import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RequestInput, RequestOutput } from '../../../../core/contract/index';
import { consentPurposes, legalBases } from '../../../../core/privacy/consent';
import { call } from '../../api/client';
import { EmptyState, errorText, Field } from '../../components/Field';
import { date } from '../../format';
import { ConsentImport } from './ConsentImport';
import { today, type CustomerBrief } from './CustomerPicker';

type Listing = RequestOutput<'privacy.consents.list'>;
type ConsentRecord = Listing['records'][number];
type ConsentForm = Omit<RequestInput<'privacy.consents.record'>, 'customerId'>;

const channelLabels = { email: 'E-mail', whatsapp: 'WhatsApp', sms: 'SMS' } as const;

function scopeText(record: ConsentRecord): string {
  const who = record.contact ?? 'whole customer';
  return record.channel === null ? who : `${who} · ${channelLabels[record.channel]}`;
}

/** Shows one customer's consent history and what it means for reminders, with forms to record or withdraw consent. */
export function ConsentPanel({ customer }: { customer: CustomerBrief | null }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<ConsentForm | null>(null);

  const load = useCallback(async () => {
    if (customer === null) return;
    try {
      setListing(await call('privacy.consents.list', { customerId: customer.id }));
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }, [customer]);

  useEffect(() => {
    setListing(null);
    setDraft(null);
    void load();
  }, [load]);

  if (customer === null) {
    return (
      <>
        <EmptyState title="Choose a customer"><p>Search for a customer to see and record consent.</p></EmptyState>
        <ConsentImport />
      </>
    );
  }

  function withdraw(record: ConsentRecord) {
    setDraft({ contactId: record.contactId, channel: record.channel, purpose: record.purpose, legalBasis: record.legalBasis, action: 'withdrawn', noticeVersion: record.noticeVersion, effectiveOn: today(), method: '' });
  }

  return (
    <div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      {listing !== null && (
        <div className="card" aria-label="Reminder consent status">
          <h2>{listing.customer.name}</h2>
          <ul className="status-list">
            {(Object.keys(channelLabels) as (keyof typeof channelLabels)[]).map((channel) => {
              const decision = listing.reminders[channel];
              return (
                <li key={channel} data-testid={`reminders-${channel}`}>
                  <span className={decision.allowed ? 'pill ok' : 'pill stop'}>{channelLabels[channel]}</span>
                  {' '}Reminders: {decision.allowed ? 'allowed' : 'not allowed'} — {decision.reason}
                </li>
              );
            })}
          </ul>
          <div className="actions left">
            <button type="button" onClick={() => setDraft({ contactId: null, channel: null, purpose: 'payment-reminders', legalBasis: 'consent', action: 'given', noticeVersion: null, effectiveOn: today(), method: '' })}>Record consent</button>
          </div>
        </div>
      )}
      {draft !== null && listing !== null && (
        <ConsentRecordForm customerId={customer.id} contacts={listing.contacts} initial={draft} onDone={() => { setDraft(null); void load(); }} onCancel={() => setDraft(null)} />
      )}
      {listing !== null && <ConsentTables listing={listing} onWithdraw={withdraw} />}
      <ConsentImport />
    </div>
  );
}

function ConsentTables({ listing, onWithdraw }: { listing: Listing; onWithdraw: (record: ConsentRecord) => void }) {
  return (
    <>
      <h3>In force</h3>
      {listing.current.length === 0 ? <p className="hint">No consent or legal basis recorded.</p> : (
        <table className="data-table compact" aria-label="Consents in force">
          <thead><tr><th>Purpose</th><th>Scope</th><th>Basis</th><th>State</th><th>Since</th><th>Notice</th><th /></tr></thead>
          <tbody>
            {listing.current.map((record) => (
              <tr key={record.id}>
                <td>{record.purpose}</td><td>{scopeText(record)}</td><td>{record.legalBasis}</td><td>{record.action}</td>
                <td>{date(record.effectiveOn)}</td><td>{record.noticeVersion ?? '—'}</td>
                <td>{record.action === 'given' && <button type="button" className="secondary" onClick={() => onWithdraw(record)}>Withdraw</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>History</h3>
      <table className="data-table compact" aria-label="Consent history">
        <thead><tr><th>#</th><th>Purpose</th><th>Scope</th><th>Basis</th><th>Action</th><th>Date</th><th>How</th><th>Recorded</th></tr></thead>
        <tbody>
          {listing.records.map((record) => (
            <tr key={record.id} className={record.replaced ? 'replaced' : undefined}>
              <td>{record.id}{record.replacesId === null ? '' : ` (corrects ${record.replacesId})`}</td>
              <td>{record.purpose}</td><td>{scopeText(record)}</td><td>{record.legalBasis}</td><td>{record.action}</td>
              <td>{date(record.effectiveOn)}</td><td>{record.method}</td><td>{date(record.recordedAt.slice(0, 10))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ConsentRecordForm({ customerId, contacts, initial, onDone, onCancel }: { customerId: number; contacts: Listing['contacts']; initial: ConsentForm; onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<ConsentForm>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = <Key extends keyof ConsentForm>(key: Key, value: ConsentForm[Key]) => setForm({ ...form, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await call('privacy.consents.record', { ...form, customerId });
      onDone();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card inline-form" aria-label={form.action === 'given' ? 'Record consent' : 'Withdraw consent'} onSubmit={(event) => void submit(event)}>
      <h2>{form.action === 'given' ? 'Record consent or legal basis' : 'Record a withdrawal'}</h2>
      <div className="grid-3">
        <Field label="Purpose"><select value={form.purpose} onChange={(event) => set('purpose', event.target.value as ConsentForm['purpose'])}>{consentPurposes.map((purpose) => <option key={purpose}>{purpose}</option>)}</select></Field>
        <Field label="Legal basis"><select value={form.legalBasis} onChange={(event) => set('legalBasis', event.target.value as ConsentForm['legalBasis'])}>{legalBases.map((basis) => <option key={basis}>{basis}</option>)}</select></Field>
        <Field label="Given or withdrawn"><select value={form.action} onChange={(event) => set('action', event.target.value as ConsentForm['action'])}><option value="given">given</option><option value="withdrawn">withdrawn</option></select></Field>
        <Field label="Contact"><select value={form.contactId ?? ''} onChange={(event) => set('contactId', event.target.value === '' ? null : Number(event.target.value))}><option value="">Whole customer</option>{contacts.map((contact) => <option key={contact.id} value={contact.id}>{contact.value}</option>)}</select></Field>
        <Field label="Channel"><select value={form.channel ?? ''} onChange={(event) => set('channel', event.target.value === '' ? null : (event.target.value as 'email'))}><option value="">Every channel</option>{Object.entries(channelLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}</select></Field>
        <Field label="Date"><input type="date" value={form.effectiveOn} onChange={(event) => set('effectiveOn', event.target.value)} /></Field>
        <Field label="Notice version" hint="The privacy notice shown, such as v3 or 2026-04."><input value={form.noticeVersion ?? ''} onChange={(event) => set('noticeVersion', event.target.value === '' ? null : event.target.value)} /></Field>
        <Field label="How it was given or withdrawn" hint="For example: signed form, reply to e-mail, phone call."><input value={form.method} onChange={(event) => set('method', event.target.value)} /></Field>
      </div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
        <button type="submit">{form.action === 'given' ? 'Save consent' : 'Save withdrawal'}</button>
      </div>
    </form>
  );
}
