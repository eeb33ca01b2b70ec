import { useEffect, useState, type FormEvent } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { retentionCategories, retentionCategoryInfo } from '../../../../core/privacy/retention';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import { count } from '../../format';

type Settings = RequestOutput<'privacy.settings.get'>;
type Preview = RequestOutput<'privacy.retention.preview'>;

/** Edits the retention period of each data category and the request deadlines, and previews or runs retention. */
export function RetentionPanel() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('privacy.settings.get', {}).then(setSettings).catch((failure: unknown) => setError(errorText(failure)));
  }, []);

  if (settings === null) return error === null ? <p className="hint">Loading…</p> : <p className="error" role="alert">{error}</p>;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (settings === null) return;
    try {
      setSettings(await call('privacy.settings.update', { retention: settings.retention, deadlines: settings.deadlines }));
      setPreview(null);
      setMessage('Settings saved.');
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function act(action: 'preview' | 'run') {
    try {
      if (action === 'preview') {
        setPreview(await call('privacy.retention.preview', { limit: 200 }));
        return;
      }
      const result = await call('privacy.retention.run', {});
      const total = Object.values(result.removed).reduce((sum, value) => sum + value, 0);
      setMessage(`Retention applied: ${count(total)} rows erased.`);
      setPreview(null);
      setSettings(await call('privacy.settings.get', {}));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  const rule = (category: (typeof retentionCategories)[number]) => settings.retention[category];
  const setRule = (category: (typeof retentionCategories)[number], change: Partial<Settings['retention'][typeof category]>) =>
    setSettings({ ...settings, retention: { ...settings.retention, [category]: { ...rule(category), ...change } } });

  return (
    <div>
      <form className="card" aria-label="Retention settings" onSubmit={(event) => void save(event)}>
        <h2>Retention</h2>
        <p className="hint">Data in a switched-on category is erased once older than its period: when you press Run now, and once a day while the ledger is open. Last run: {settings.lastRetentionRun?.slice(0, 16).replace('T', ' ') ?? 'never'}.</p>
        <table className="data-table compact">
          <thead><tr><th>Erase</th><th>Category</th><th>After (years)</th></tr></thead>
          <tbody>
            {retentionCategories.map((category) => (
              <tr key={category}>
                <td><input type="checkbox" aria-label={`Erase ${retentionCategoryInfo[category].label}`} checked={rule(category).enabled} onChange={(event) => setRule(category, { enabled: event.target.checked })} /></td>
                <td><strong>{retentionCategoryInfo[category].label}</strong><br /><span className="hint">{retentionCategoryInfo[category].description} {retentionCategoryInfo[category].minimumReason ?? ''}</span></td>
                <td><input className="years" type="number" min={retentionCategoryInfo[category].minimumYears} max={100} aria-label={`${retentionCategoryInfo[category].label} years`} value={rule(category).years} onChange={(event) => setRule(category, { years: Number(event.target.value) })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Request deadlines</h3>
        <div className="grid-3">
          <Field label="Months to answer" hint="GDPR art. 12(3): one month."><input type="number" min={1} max={3} value={settings.deadlines.responseMonths} onChange={(event) => setSettings({ ...settings, deadlines: { ...settings.deadlines, responseMonths: Number(event.target.value) } })} /></Field>
          <Field label="Extension (months)" hint="GDPR art. 12(3): up to two more."><input type="number" min={0} max={2} value={settings.deadlines.extensionMonths} onChange={(event) => setSettings({ ...settings, deadlines: { ...settings.deadlines, extensionMonths: Number(event.target.value) } })} /></Field>
          <Field label="Days to answer a grievance" hint="DPDP Rules 2025: at most 90 days."><input type="number" min={1} max={90} value={settings.deadlines.grievanceDays} onChange={(event) => setSettings({ ...settings, deadlines: { ...settings.deadlines, grievanceDays: Number(event.target.value) } })} /></Field>
        </div>
        {message !== null && <p className="success" role="status">{message}</p>}
        {error !== null && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void act('preview')}>Preview what goes</button>
          <button type="button" className="secondary" onClick={() => void act('run')}>Run now</button>
          <button type="submit">Save</button>
        </div>
      </form>
      {preview !== null && <RetentionPreview preview={preview} />}
    </div>
  );
}

function RetentionPreview({ preview }: { preview: Preview }) {
  return (
    <div className="card" aria-label="Retention preview">
      <h2>What the next run erases</h2>
      {preview.notes.map((note) => <p key={note} className="hint">{note}</p>)}
      <ul className="plain-list">{Object.entries(preview.counts).map(([category, total]) => <li key={category}>{retentionCategoryInfo[category as keyof typeof retentionCategoryInfo].label}: {count(total)} (older than {preview.cutoffs[category]})</li>)}</ul>
      {preview.items.length > 0 && (
        <div className="scroll-box">
          <table className="data-table compact">
            <thead><tr><th>Category</th><th>Record</th></tr></thead>
            <tbody>{preview.items.map((item) => <tr key={`${item.table}:${item.rowId}`}><td>{item.category}</td><td>{item.description}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
