import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { privacyRequestKinds, privacyRequestStatuses, type PrivacyRequestKind, type PrivacyRequestStatus } from '../../../../core/privacy/requests';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import { date } from '../../format';
import { CustomerPicker, today, type CustomerBrief } from './CustomerPicker';

type PrivacyRequest = RequestOutput<'privacy.requests.list'>[number];

/** Lists the requests people made about their data, with due dates and responses, and registers new ones. */
export function RequestsPanel() {
  const [requests, setRequests] = useState<PrivacyRequest[]>([]);
  const [editing, setEditing] = useState<PrivacyRequest | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRequests(await call('privacy.requests.list', { includeClosed: true }));
    } catch (failure) {
      setError(errorText(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <div>
      <div className="actions left"><button type="button" onClick={() => setAdding(true)} disabled={adding}>Register a request</button></div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      {adding && <NewRequestForm onDone={() => { setAdding(false); void load(); }} onCancel={() => setAdding(false)} />}
      {editing !== null && <ResponseForm request={editing} onDone={() => { setEditing(null); void load(); }} onCancel={() => setEditing(null)} />}
      <table className="data-table compact" aria-label="Request register">
        <thead><tr><th>#</th><th>Type</th><th>Customer</th><th>Received</th><th>Due</th><th>Status</th><th>Response sent</th><th /></tr></thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} className={request.overdue ? 'error' : undefined}>
              <td>{request.id}</td><td>{request.kind}</td><td>{request.customerName ?? '—'}</td><td>{date(request.receivedOn)}</td>
              <td>{date(request.dueOn)}{request.overdue && <strong> overdue</strong>}</td><td>{request.status}</td><td>{date(request.responseSentOn)}</td>
              <td><button type="button" className="secondary" onClick={() => setEditing(request)}>Update</button></td>
            </tr>
          ))}
          {requests.length === 0 && <tr><td colSpan={8} className="hint">No requests registered.</td></tr>}
        </tbody>
      </table>
      <p className="hint">Due dates: one month for access, portability, rectification, erasure and objection (GDPR art. 12(3)), three months when extended; grievances within the window set under Retention (DPDP Rules 2025: at most 90 days).</p>
    </div>
  );
}

function NewRequestForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [kind, setKind] = useState<PrivacyRequestKind>('access');
  const [customer, setCustomer] = useState<CustomerBrief | null>(null);
  const [receivedOn, setReceivedOn] = useState(today());
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await call('privacy.requests.create', { kind, customerId: customer?.id ?? null, receivedOn, notes: notes.trim() === '' ? null : notes });
      onDone();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card inline-form" aria-label="Register a request" onSubmit={(event) => void submit(event)}>
      <div className="grid-2">
        <div>
          <Field label="Type"><select value={kind} onChange={(event) => setKind(event.target.value as PrivacyRequestKind)}>{privacyRequestKinds.map((item) => <option key={item}>{item}</option>)}</select></Field>
          <Field label="Received on"><input type="date" value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} /></Field>
          <Field label="Notes"><textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={3} /></Field>
        </div>
        <CustomerPicker selected={customer} onSelect={setCustomer} />
      </div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="button" className="secondary" onClick={onCancel}>Cancel</button><button type="submit">Save request</button></div>
    </form>
  );
}

function ResponseForm({ request, onDone, onCancel }: { request: PrivacyRequest; onDone: () => void; onCancel: () => void }) {
  const [status, setStatus] = useState<PrivacyRequestStatus>(request.status);
  const [responseSentOn, setResponseSentOn] = useState(request.responseSentOn ?? '');
  const [responseText, setResponseText] = useState(request.responseText ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await call('privacy.requests.update', { id: request.id, status, responseSentOn: responseSentOn === '' ? null : responseSentOn, responseText: responseText.trim() === '' ? null : responseText });
      onDone();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card inline-form" aria-label={`Update request ${request.id}`} onSubmit={(event) => void submit(event)}>
      <h2>Request {request.id}: {request.kind}, due {date(request.dueOn)}</h2>
      <div className="grid-2">
        <Field label="Status"><select value={status} onChange={(event) => setStatus(event.target.value as PrivacyRequestStatus)}>{privacyRequestStatuses.map((item) => <option key={item}>{item}</option>)}</select></Field>
        <Field label="Response sent on"><input type="date" value={responseSentOn} onChange={(event) => setResponseSentOn(event.target.value)} /></Field>
      </div>
      <Field label="Response"><textarea value={responseText} onChange={(event) => setResponseText(event.target.value)} rows={3} /></Field>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="button" className="secondary" onClick={onCancel}>Cancel</button><button type="submit">Save</button></div>
    </form>
  );
}
