import { useEffect, useState } from 'react';
import type { RiskSettings } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import { actionLabels, bandNames } from './labels';

type Preview = { current: Record<string, number>; proposed: Record<string, number>; moved: number };

/** Band cut-offs, the action each band suggests and grace days, with a preview of who moves. */
export function RiskSettingsCard() {
  const [saved, setSaved] = useState<RiskSettings | null>(null);
  const [draft, setDraft] = useState<RiskSettings | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void call('risk.settings', {}).then((settings) => {
      setSaved(settings);
      setDraft(settings);
    });
  }, []);

  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => {
      call('risk.previewSettings', draft).then(setPreview).catch((failure: unknown) => setMessage(errorText(failure)));
    }, 250);
    return () => clearTimeout(timer);
  }, [draft]);

  if (draft === null || saved === null) return null;
  const setCutoff = (index: number, value: string) => {
    const cutoffs = [...draft.bandCutoffs] as RiskSettings['bandCutoffs'];
    cutoffs[index] = Number(value);
    setDraft({ ...draft, bandCutoffs: cutoffs });
  };

  async function save() {
    if (draft === null) return;
    try {
      const next = await call('risk.updateSettings', draft);
      setSaved(next);
      setMessage('Saved. Every customer was rescored.');
    } catch (failure) {
      setMessage(errorText(failure));
    }
  }

  return (
    <div className="card" aria-label="Risk thresholds">
      <h2>Risk bands and actions</h2>
      <p className="hint">A score below the first cut-off is band A, below the second B, and so on; at or above the last it is E.</p>
      <div className="band-settings">
        {bandNames.map((band, index) => (
          <div key={band} className="band-setting">
            <span className="band-badge" data-band={band}>{band}</span>
            {index < 4 ? (
              <Field label={`Band ${band} below`}><input name={`cutoff-${band}`} type="number" min={1} max={100} value={draft.bandCutoffs[index]} onChange={(event) => setCutoff(index, event.target.value)} /></Field>
            ) : <span className="hint">the rest</span>}
            <Field label={`Band ${band} action`}>
              <select name={`action-${band}`} value={draft.bandActions[band]} onChange={(event) => setDraft({ ...draft, bandActions: { ...draft.bandActions, [band]: event.target.value as RiskSettings['bandActions'][typeof band] } })}>
                {Object.entries(actionLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </select>
            </Field>
            {preview !== null && <span className="band-count" data-testid={`band-count-${band}`}>{preview.current[band] ?? 0} → {preview.proposed[band] ?? 0}</span>}
          </div>
        ))}
      </div>
      <div className="grid-3">
        <Field label="Grace days" hint="Days after the due date that still count as on time."><input name="graceDays" type="number" min={0} max={60} value={draft.graceDays} onChange={(event) => setDraft({ ...draft, graceDays: Number(event.target.value) })} /></Field>
        <label className="check"><input type="checkbox" checked={draft.rbiClassification} onChange={(event) => setDraft({ ...draft, rbiClassification: event.target.checked })} /> Lender: show RBI SMA/NPA classes</label>
      </div>
      {preview !== null && <p className="hint" role="status" data-testid="band-preview">{preview.moved === 0 ? 'No customer changes band with these settings.' : `${preview.moved} customers change band with these settings.`}</p>}
      {message !== null && <p className="hint">{message}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setDraft(saved)}>Reset</button>
        <button type="button" onClick={() => void save()}>Save thresholds</button>
      </div>
    </div>
  );
}
