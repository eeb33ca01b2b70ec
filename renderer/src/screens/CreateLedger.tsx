import { useCallback, useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { errorText, Field } from '../components/Field';
import { PassphraseStrength } from '../components/PassphraseStrength';
import { useAppStore } from '../store/index';

/** Creates a ledger: a name, a passphrase typed twice with strength feedback. */
export function CreateLedger({ onCancel }: { onCancel?: () => void }) {
  const refreshSession = useAppStore((state) => state.refreshSession);
  const showRecoveryKey = useAppStore((state) => state.showRecoveryKey);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [score, setScore] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onScore = useCallback((value: number) => setScore(value), []);

  const mismatch = confirmation !== '' && confirmation !== passphrase;
  const tooShort = passphrase.length > 0 && passphrase.length < 10;
  const canSubmit = name.trim() !== '' && passphrase.length >= 10 && passphrase === confirmation && score >= 2 && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await call('ledger.create', { name: name.trim(), passphrase });
      showRecoveryKey(created.recoveryKey);
      await refreshSession();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card narrow" onSubmit={(event) => void submit(event)} aria-label="Create ledger">
      <h1>Create a ledger</h1>
      <p className="lead">A ledger holds one business's customers, invoices and payments, encrypted on this computer.</p>
      <Field label="Ledger name" hint="For example the business or client name.">
        <input name="ledgerName" value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={120} />
      </Field>
      <Field label="Passphrase" error={tooShort ? 'Use at least 10 characters.' : null}>
        <input name="passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="new-password" />
      </Field>
      <PassphraseStrength value={passphrase} onScore={onScore} />
      <Field label="Repeat passphrase" error={mismatch ? 'The two passphrases differ.' : null}>
        <input name="confirmPassphrase" type="password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} autoComplete="new-password" />
      </Field>
      {passphrase.length >= 10 && score < 2 && <p className="hint warning">Choose a harder passphrase: several unrelated words work well.</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        {onCancel !== undefined && <button type="button" className="secondary" onClick={onCancel}>Cancel</button>}
        <button type="submit" disabled={!canSubmit}>{busy ? 'Creating…' : 'Create ledger'}</button>
      </div>
    </form>
  );
}
