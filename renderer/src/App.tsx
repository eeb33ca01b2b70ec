import { useEffect, useState } from 'react';
import { onEvent } from './api/client';
import { errorText } from './components/Field';
import { AppShell } from './screens/AppShell';
import { LedgerGate } from './screens/LedgerGate';
import { RecoveryKeyNotice } from './screens/RecoveryKeyNotice';
import { useAppStore } from './store/index';

export function App() {
  const session = useAppStore((state) => state.session);
  const recoveryKey = useAppStore((state) => state.recoveryKeyToShow);
  const refreshSession = useAppStore((state) => state.refreshSession);
  const notice = useAppStore((state) => state.notice);
  const notify = useAppStore((state) => state.notify);
  const dismissNotice = useAppStore((state) => state.dismissNotice);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    refreshSession().catch((error: unknown) => setStartError(errorText(error)));
    return onEvent('session.changed', (payload) => {
      void refreshSession();
      if (payload.reason === 'auto-lock') notify('info', 'The ledger was locked after being idle.');
    });
  }, [refreshSession, notify]);

  if (startError !== null) {
    return (
      <main className="gate">
        <div className="card narrow"><h1>Duewatch cannot start</h1><p className="error" role="alert">{startError}</p></div>
      </main>
    );
  }
  if (session === null) return <main className="gate" aria-busy="true" />;

  return (
    <>
      {notice !== null && (
        <div className={`notice ${notice.kind}`} role="status">
          {notice.text}
          <button type="button" className="link" onClick={dismissNotice}>Dismiss</button>
        </div>
      )}
      {recoveryKey !== null ? (
        <main className="gate"><RecoveryKeyNotice recoveryKey={recoveryKey} /></main>
      ) : session.unlocked ? (
        <AppShell />
      ) : (
        <LedgerGate />
      )}
    </>
  );
}
