import { useState, type FormEvent } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import { PassphraseStrength } from '../../components/PassphraseStrength';
import { bytes } from '../../format';

type Restored = RequestOutput<'privacy.backup.restore'>;

/** Writes an encrypted copy of the whole ledger, and restores such a copy into a new ledger. */
export function BackupPanel() {
  return (
    <div>
      <CreateBackup />
      <RestoreBackup />
    </div>
  );
}

function CreateBackup() {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [result, setResult] = useState<RequestOutput<'privacy.backup.create'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase !== repeat) {
      setError('The two passphrases differ. Type the same passphrase twice.');
      return;
    }
    try {
      setResult(await call('privacy.backup.create', { passphrase }));
      setPassphrase('');
      setRepeat('');
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card narrow-form" aria-label="Back up the ledger" onSubmit={(event) => void submit(event)}>
      <h2>Back up the whole ledger</h2>
      <p className="hint">One file, encrypted with a passphrase you choose for it (scrypt and AES-256-GCM), that Duewatch restores into a new ledger on any computer.</p>
      <Field label="Backup passphrase"><input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="new-password" /></Field>
      <PassphraseStrength value={passphrase} />
      <Field label="Repeat backup passphrase"><input type="password" value={repeat} onChange={(event) => setRepeat(event.target.value)} autoComplete="new-password" /></Field>
      {error !== null && <p className="error" role="alert">{error}</p>}
      {result !== null && <p className="success" role="status">Backup written to <span className="mono">{result.path}</span> ({bytes(result.sizeBytes)}, {result.rows} rows).</p>}
      <div className="actions"><button type="submit">Write backup</button></div>
    </form>
  );
}

function RestoreBackup() {
  const [form, setForm] = useState({ backupPath: '', backupPassphrase: '', name: '', newPassphrase: '' });
  const [result, setResult] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      setResult(await call('privacy.backup.restore', form));
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form className="card narrow-form" aria-label="Restore a backup" onSubmit={(event) => void submit(event)}>
      <h2>Restore a backup into a new ledger</h2>
      <Field label="Backup file path"><input value={form.backupPath} onChange={update('backupPath')} className="mono" /></Field>
      <Field label="Backup passphrase"><input type="password" value={form.backupPassphrase} onChange={update('backupPassphrase')} autoComplete="off" /></Field>
      <Field label="New ledger name"><input value={form.name} onChange={update('name')} /></Field>
      <Field label="Passphrase of the new ledger"><input type="password" value={form.newPassphrase} onChange={update('newPassphrase')} autoComplete="new-password" /></Field>
      <PassphraseStrength value={form.newPassphrase} />
      {error !== null && <p className="error" role="alert">{error}</p>}
      {result !== null && (
        <div role="status">
          <p className="success">Restored {result.rows} rows into {result.ledger.path}. Lock this ledger to open the restored one.</p>
          <p>Recovery key of the new ledger (shown only now; store it offline):</p>
          <p className="recovery-key">{result.recoveryKey}</p>
        </div>
      )}
      <div className="actions"><button type="submit">Restore</button></div>
    </form>
  );
}
