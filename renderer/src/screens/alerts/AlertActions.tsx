import { useState } from 'react';
import { addDays } from '../../../../core/ledger/dates';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';

/** Bulk actions on the selected alerts: acknowledge, snooze until a date, resolve with a note. */
export function AlertActions({ ids, today, onDone }: { ids: number[]; today: string; onDone: (message: string) => void }) {
  const [until, setUntil] = useState(addDays(today, 7));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const none = ids.length === 0 || busy;

  const run = async (label: string, action: () => Promise<{ changed: number }>) => {
    setBusy(true);
    setError(null);
    try {
      const { changed } = await action();
      onDone(`${label} ${changed} alert${changed === 1 ? '' : 's'}.`);
      setNote('');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="alert-actions" role="group" aria-label="Alert actions">
      <span className="hint">{ids.length} selected</span>
      <button type="button" disabled={none} onClick={() => void run('Acknowledged', () => call('alerts.acknowledge', { ids }))}>Acknowledge</button>
      <span className="inline-choice">
        <label>Snooze until <input type="date" name="snoozeUntil" value={until} min={addDays(today, 1)} onChange={(event) => setUntil(event.target.value)} /></label>
        <button type="button" className="secondary" disabled={none || until === ''} onClick={() => void run('Snoozed', () => call('alerts.snooze', { ids, until }))}>Snooze</button>
      </span>
      <span className="inline-choice">
        <input type="text" name="resolutionNote" aria-label="Resolution note" placeholder="How was it resolved?" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
        <button type="button" className="secondary" disabled={none || note.trim() === ''} onClick={() => void run('Resolved', () => call('alerts.resolve', { ids, note }))}>Resolve</button>
      </span>
      {error !== null && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
