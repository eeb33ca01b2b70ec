import { useState } from 'react';
import { useAppStore } from '../store/index';

/** Shows the recovery key exactly once, right after it was made, until the user confirms storing it. */
export function RecoveryKeyNotice({ recoveryKey }: { recoveryKey: string }) {
  const showRecoveryKey = useAppStore((state) => state.showRecoveryKey);
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(recoveryKey);
    setCopied(true);
  }

  return (
    <div className="card narrow" aria-label="Recovery key">
      <h1>Store your recovery key</h1>
      <p className="lead">
        If the passphrase is ever lost, this key is the only way to open the ledger. Duewatch shows it only now and does not keep a copy.
        Write it down or print it and keep it somewhere safe, away from this computer.
      </p>
      <pre className="recovery-key" data-testid="recovery-key">{recoveryKey}</pre>
      <div className="actions left">
        <button type="button" className="secondary" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      <label className="check">
        <input type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
        I have stored the recovery key somewhere safe.
      </label>
      <div className="actions">
        <button type="button" disabled={!stored} onClick={() => showRecoveryKey(null)}>Continue</button>
      </div>
    </div>
  );
}
