import { useEffect, useState } from 'react';
import { ruleDescriptions, ruleIds, type AlertSettings, type RuleId } from '../../../../core/warning/index';
import { call, transport } from '../../api/client';
import { errorText } from '../../components/Field';

const choices: Record<string, readonly string[]> = { minClass: ['SMA-0', 'SMA-1', 'SMA-2', 'NPA'], minSeverity: ['warning', 'high'] };

/** Per-rule switches, notification switches and thresholds, saved one change at a time. */
export function AlertRulesCard() {
  const [settings, setSettings] = useState<AlertSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [permission, setPermission] = useState(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  useEffect(() => void call('alerts.settings', {}).then(setSettings).catch((failure: unknown) => setError(errorText(failure))), []);

  const save = (rule: RuleId, key: string, value: boolean | number | string) => {
    setError(null);
    // Shows the change at once; the saved settings from main replace it, or the error explains why not.
    setSettings((current) => (current === null ? current : { ...current, rules: { ...current.rules, [rule]: { ...current.rules[rule], [key]: value } } }));
    call('alerts.updateSettings', { rules: { [rule]: { [key]: value } } }).then(setSettings).catch((failure: unknown) => {
      setError(errorText(failure));
      void call('alerts.settings', {}).then(setSettings).catch(() => undefined);
    });
  };
  if (settings === null) return error === null ? null : <p className="error" role="alert">{error}</p>;

  return (
    <details className="card" aria-label="Alert rules">
      <summary><h2 className="inline-heading">Rules and thresholds</h2></summary>
      {transport === 'browser' && permission !== 'granted' && permission !== 'unsupported' && (
        <p className="hint">Notifications of new high-severity alerts need your permission in this browser. <button type="button" className="link" onClick={() => void Notification.requestPermission().then(setPermission)}>Allow notifications</button></p>
      )}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <table className="data-table compact rules-table">
        <thead><tr><th>Rule</th><th>On</th><th>Notify</th><th>Thresholds</th></tr></thead>
        <tbody>{ruleIds.map((rule) => {
          const values = settings.rules[rule] as Record<string, boolean | number | string>;
          return (
            <tr key={rule}>
              <td><strong>{ruleDescriptions[rule].label}</strong><div className="hint">{ruleDescriptions[rule].description}</div></td>
              <td><input type="checkbox" aria-label={`${ruleDescriptions[rule].label} on`} checked={values.enabled === true} onChange={(event) => save(rule, 'enabled', event.target.checked)} /></td>
              <td><input type="checkbox" aria-label={`${ruleDescriptions[rule].label} notifications`} checked={values.notify === true} onChange={(event) => save(rule, 'notify', event.target.checked)} /></td>
              <td><div className="thresholds">{Object.entries(values).filter(([key]) => key !== 'enabled' && key !== 'notify').map(([key, value]) => (
                <label key={key} className="threshold">
                  <span>{key.replace(/([A-Z])/g, ' $1').toLowerCase()}</span>
                  {choices[key] !== undefined ? (
                    <select value={String(value)} onChange={(event) => save(rule, key, event.target.value)}>{choices[key].map((choice) => <option key={choice}>{choice}</option>)}</select>
                  ) : (
                    <input type="number" step="any" defaultValue={Number(value)} onBlur={(event) => { const next = Number(event.target.value); if (next !== value && Number.isFinite(next)) save(rule, key, next); }} />
                  )}
                </label>
              ))}</div></td>
            </tr>
          );
        })}</tbody>
      </table>
    </details>
  );
}
