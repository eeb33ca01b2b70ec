import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { errorText, Field } from '../components/Field';
import { PassphraseStrength } from '../components/PassphraseStrength';
import { useAppStore } from '../store/index';
import { RiskSettingsCard } from './risk/RiskSettingsCard';
import { ApiCard } from './api/ApiCard';

/** Ledger settings: auto-lock time, base currency, and the passphrase. */
export function Settings() {
  return (
    <section aria-label="Settings">
      <header className="section-header"><h1>Settings</h1></header>
      <GeneralSettings />
      <RiskSettingsCard />
      <ApiCard />
      <ChangePassphrase />
    </section>
  );
}

function GeneralSettings() {
  const refreshSession = useAppStore((state) => state.refreshSession);
  const [autoLockMinutes, setAutoLockMinutes] = useState('15');
  const [baseCurrency, setBaseCurrency] = useState('INR');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('settings.get', {}).then((settings) => {
      setAutoLockMinutes(String(settings.autoLockMinutes));
      setBaseCurrency(settings.baseCurrency);
    });
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setError(null);
    try {
      await call('settings.update', { autoLockMinutes: Number(autoLockMinutes), baseCurrency: baseCurrency.toUpperCase() });
      await refreshSession();
      setMessage('Settings saved.');
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="General settings">
      <h2>General</h2>
      <div className="grid-2">
        <Field label="Lock after idle time (minutes)">
          <input name="autoLockMinutes" inputMode="numeric" value={autoLockMinutes} onChange={(event) => setAutoLockMinutes(event.target.value)} />
        </Field>
        <Field label="Base currency" hint="ISO 4217 code, such as INR or USD.">
          <input name="baseCurrency" value={baseCurrency} onChange={(event) => setBaseCurrency(event.target.value)} maxLength={3} />
        </Field>
      </div>
      {message !== null && <p className="success">{message}</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="submit">Save</button></div>
    </form>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [score, setScore] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onScore = useCallback((value: number) => setScore(value), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setError(null);
    try {
      await call('ledger.changePassphrase', { currentPassphrase: current, newPassphrase: next });
      setCurrent('');
      setNext('');
      setConfirmation('');
      setMessage('Passphrase changed. The recovery key still works.');
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Change passphrase">
      <h2>Change passphrase</h2>
      <Field label="Current passphrase">
        <input name="currentPassphrase" type="password" value={current} onChange={(event) => setCurrent(event.target.value)} autoComplete="current-password" />
      </Field>
      <Field label="New passphrase">
        <input name="newPassphrase" type="password" value={next} onChange={(event) => setNext(event.target.value)} autoComplete="new-password" />
      </Field>
      <PassphraseStrength value={next} onScore={onScore} />
      <Field label="Repeat new passphrase" error={confirmation !== '' && confirmation !== next ? 'The two passphrases differ.' : null}>
        <input name="confirmNewPassphrase" type="password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} autoComplete="new-password" />
      </Field>
      {message !== null && <p className="success">{message}</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={current === '' || next.length < 10 || next !== confirmation || score < 2}>Change passphrase</button>
      </div>
    </form>
  );
}
