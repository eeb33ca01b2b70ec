import { useState } from 'react';
import type { LedgerSummary } from '../../../core/contract/index';
import { bytes, localDate } from '../format';
import { useAppStore } from '../store/index';
import { CreateLedger } from './CreateLedger';
import { Unlock } from './Unlock';

/** Shows the first screen: the ledgers known on this computer, to unlock one or create a new one. */
export function LedgerGate() {
  const ledgers = useAppStore((state) => state.ledgers);
  const session = useAppStore((state) => state.session);
  const [selected, setSelected] = useState<LedgerSummary | null>(null);
  const [creating, setCreating] = useState(false);

  if (creating || ledgers.length === 0) {
    return (
      <main className="gate">
        <Brand />
        <CreateLedger onCancel={ledgers.length === 0 ? undefined : () => setCreating(false)} />
      </main>
    );
  }
  if (selected !== null) {
    return (
      <main className="gate">
        <Brand />
        <Unlock ledger={selected} onBack={() => setSelected(null)} />
      </main>
    );
  }
  return (
    <main className="gate">
      <Brand />
      <div className="card narrow">
        <h1>Open a ledger</h1>
        <ul className="ledger-list" aria-label="Ledgers">
          {ledgers.map((ledger) => (
            <li key={ledger.id}>
              <button type="button" className="ledger-item" onClick={() => setSelected(ledger)}>
                <span className="ledger-name">{ledger.name}</span>
                <span className="ledger-meta">{bytes(ledger.sizeBytes)} · changed {localDate(ledger.modifiedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setCreating(true)}>Create another ledger</button>
        </div>
      </div>
      {session?.mode === 'browser' && <p className="mode-note">Browser mode: Duewatch is running on this computer only (127.0.0.1).</p>}
    </main>
  );
}

function Brand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">₹</span>
      <span className="brand-name">Duewatch</span>
    </div>
  );
}
