import { useCallback, useState, type FormEvent } from 'react';
import type { LedgerSummary } from '../../../core/contract/index';
import { call, RequestFailed } from '../api/client';
import { errorText, Field } from '../components/Field';
import { PassphraseStrength } from '../components/PassphraseStrength';
import { useAppStore } from '../store/index';

/** Unlocks one ledger with its passphrase, a remembered key, or the recovery key. */
export function Unlock({ ledger, onBack }: { ledger: LedgerSummary; onBack: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  return (
    <div className="card narrow">
      <button type="button" className="link" onClick={onBack}>← All ledgers</button>
      <h1>Unlock {ledger.name}</h1>
      {useRecovery ? <RecoveryForm ledger={ledger} /> : <PassphraseForm ledger={ledger} />}
      <button type="button" className="link" onClick={() => setUseRecovery(!useRecovery)}>
        {useRecovery ? 'Unlock with the passphrase instead' : 'Forgot the passphrase? Use the recovery key'}
      </button>
    </div>
  );
}

function PassphraseForm({ ledger }: { ledger: LedgerSummary }) {
  const session = useAppStore((state) => state.session);
  const refreshSession = useAppStore((state) => state.refreshSession);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('ledger.unlock', { ledgerId: ledger.id, passphrase, remember });
      await refreshSession();
    } catch (failure) {
      setError(errorText(failure));
      if (failure instanceof RequestFailed && failure.code === 'wrong_passphrase') setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  async function unlockRemembered() {
    try {
      await call('ledger.unlockRemembered', { ledgerId: ledger.id });
      await refreshSession();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Unlock ledger">
      {ledger.rememberedOnThisComputer && (
        <div className="actions left">
          <button type="button" onClick={() => void unlockRemembered()}>Open with the key remembered on this computer</button>
        </div>
      )}
      <Field label="Passphrase">
        <input name="passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoFocus autoComplete="current-password" />
      </Field>
      {session?.canRememberKey === true && (
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          Remember on this computer (the key is kept in the system keychain)
        </label>
      )}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={passphrase === '' || busy}>{busy ? 'Unlocking…' : 'Unlock'}</button>
      </div>
    </form>
  );
}

function RecoveryForm({ ledger }: { ledger: LedgerSummary }) {
  const refreshSession = useAppStore((state) => state.refreshSession);
  const showRecoveryKey = useAppStore((state) => state.showRecoveryKey);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [score, setScore] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const onScore = useCallback((value: number) => setScore(value), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await call('ledger.unlockWithRecoveryKey', { ledgerId: ledger.id, recoveryKey, newPassphrase });
      showRecoveryKey(result.recoveryKey);
      await refreshSession();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Unlock with recovery key">
      <p className="lead">The recovery key opens the ledger once; you then set a new passphrase and receive a new recovery key.</p>
      <Field label="Recovery key">
        <input name="recoveryKey" value={recoveryKey} onChange={(event) => setRecoveryKey(event.target.value)} autoFocus spellCheck={false} />
      </Field>
      <Field label="New passphrase">
        <input name="newPassphrase" type="password" value={newPassphrase} onChange={(event) => setNewPassphrase(event.target.value)} autoComplete="new-password" />
      </Field>
      <PassphraseStrength value={newPassphrase} onScore={onScore} />
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={recoveryKey === '' || newPassphrase.length < 10 || score < 2}>Unlock and set passphrase</button>
      </div>
    </form>
  );
}
