import { useState, type FormEvent } from 'react';
import type { ReminderSettingsView, SmtpSettings } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import type { SaveSettingsInput } from './use-reminder-settings';

const securityLabels: Record<SmtpSettings['security'], string> = {
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS from the start (usually port 465)',
  none: 'None (only for a server on this computer or network)',
};

/** SMTP server settings with a button that sends a test message through them. */
export function SmtpForm({ view, save }: { view: ReminderSettingsView; save: (change: SaveSettingsInput, confirmation: string) => Promise<boolean> }) {
  const [smtp, setSmtp] = useState(view.delivery.smtp);
  const [port, setPort] = useState(String(view.delivery.smtp.port));
  const [password, setPassword] = useState('');
  const [testAddress, setTestAddress] = useState(view.settings.business.email);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const update = (key: keyof SmtpSettings) => (event: { target: { value: string } }) => setSmtp({ ...smtp, [key]: event.target.value });

  const change = (): SaveSettingsInput => ({
    delivery: { ...view.delivery, smtp: { ...smtp, port: Number(port) } },
    ...(password === '' ? {} : { smtpPassword: password }),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await save(change(), 'E-mail settings saved.')) setPassword('');
  }

  async function sendTest() {
    setTestResult(null);
    if (!(await save(change(), 'E-mail settings saved.'))) return;
    setPassword('');
    try {
      const reply = await call('reminders.sendTestEmail', { to: testAddress });
      setTestResult({ ok: true, text: `Test message accepted by the server: ${reply.response}` });
    } catch (failure) {
      setTestResult({ ok: false, text: errorText(failure) });
    }
  }

  return (
    <form className="card" aria-label="E-mail server" onSubmit={(event) => void submit(event)}>
      <h2>E-mail (SMTP)</h2>
      <div className="grid-3">
        <Field label="SMTP host"><input name="host" value={smtp.host} onChange={update('host')} placeholder="smtp.example.in" /></Field>
        <Field label="Port"><input name="port" inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} /></Field>
        <Field label="Security">
          <select name="security" value={smtp.security} onChange={update('security')}>
            {(['starttls', 'tls', 'none'] as const).map((value) => <option key={value} value={value}>{securityLabels[value]}</option>)}
          </select>
        </Field>
        <Field label="Login name" hint="Leave empty if the server needs no login."><input name="username" value={smtp.username} onChange={update('username')} autoComplete="off" /></Field>
        <Field label="Password" hint={view.smtpPasswordSet ? 'A password is stored in the ledger. Type a new one to replace it.' : 'Stored inside the encrypted ledger.'}>
          <input name="smtpPassword" type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" placeholder={view.smtpPasswordSet ? '••••••••' : ''} />
        </Field>
        <Field label="From address"><input name="fromAddress" type="email" value={smtp.fromAddress} onChange={update('fromAddress')} /></Field>
        <Field label="From name" hint="Defaults to the business name."><input name="fromName" value={smtp.fromName} onChange={update('fromName')} /></Field>
        <Field label="Reply-to address"><input name="replyTo" type="email" value={smtp.replyTo} onChange={update('replyTo')} /></Field>
      </div>
      <div className="test-send">
        <Field label="Send a test message to"><input name="testAddress" type="email" value={testAddress} onChange={(event) => setTestAddress(event.target.value)} /></Field>
        <button type="button" className="secondary" disabled={testAddress === '' || smtp.host === ''} onClick={() => void sendTest()}>Send test message</button>
      </div>
      {testResult !== null && <p className={testResult.ok ? 'success' : 'error'} role={testResult.ok ? 'status' : 'alert'}>{testResult.text}</p>}
      <div className="actions">
        {view.smtpPasswordSet && <button type="button" className="secondary" onClick={() => void save({ smtpPassword: null }, 'Stored SMTP password removed.')}>Remove stored password</button>}
        <button type="submit">Save e-mail settings</button>
      </div>
    </form>
  );
}
