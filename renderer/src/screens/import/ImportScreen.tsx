import { useEffect, useState } from 'react';
import type { ImportLogEntry, ImportPreview, ImportRequestOptions } from '../../../../core/contract/index';
import { call, transport, uploadFile, type UploadedFile } from '../../api/client';
import { errorText } from '../../components/Field';
import { count } from '../../format';
import { useAppStore } from '../../store/index';
import { ImportLog } from './ImportLog';
import { ImportOptionsPanel } from './ImportOptionsPanel';
import { PreviewPanel } from './PreviewPanel';

type Stage = { kind: 'choose' } | { kind: 'previewing'; file: UploadedFile } | { kind: 'preview'; file: UploadedFile; preview: ImportPreview } | { kind: 'done'; summary: string };

/**
 * The Import screen: choose a file, read the preview (counts, every problem with its row,
 * column and value, the detected mapping), adjust options or the mapping, then commit the good
 * rows in one transaction, or cancel.
 */
export function ImportScreen() {
  const go = useAppStore((state) => state.go);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [options, setOptions] = useState<ImportRequestOptions>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [log, setLog] = useState<ImportLogEntry[]>([]);

  const [presetLabels, setPresetLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    void call('import.presets', {}).then((list) => setPresetLabels(Object.fromEntries(list.map((preset) => [preset.id, preset.label]))));
  }, []);
  const refreshLog = () => void call('import.list', {}).then(setLog).catch((failure: unknown) => setError(errorText(failure)));
  useEffect(refreshLog, []);

  async function runPreview(file: UploadedFile, nextOptions: ImportRequestOptions) {
    setStage({ kind: 'previewing', file });
    setError(null);
    try {
      const preview = await call('import.preview', { fileId: file.fileId, options: nextOptions });
      setStage({ kind: 'preview', file, preview });
    } catch (failure) {
      setError(errorText(failure));
      setStage({ kind: 'choose' });
      await call('import.discard', { fileId: file.fileId }).catch(() => undefined);
    }
  }

  async function pick(files: FileList | null) {
    const chosen = files?.[0];
    if (chosen === undefined) return;
    setError(null);
    setBusy(true);
    try {
      const uploaded = await uploadFile(chosen);
      setOptions({});
      await runPreview(uploaded, {});
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  async function chooseInDialog() {
    setError(null);
    try {
      const chosen = await call('import.chooseFile', {});
      if (chosen !== null) await runPreview(chosen, {});
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function commit(file: UploadedFile) {
    setBusy(true);
    setError(null);
    try {
      const result = await call('import.commit', { fileId: file.fileId, options });
      const { customers, invoices, payments } = result.changes;
      setStage({ kind: 'done', summary: `Imported ${file.fileName}: ${count(invoices.new)} new and ${count(invoices.updated)} updated invoices, ${count(payments.new)} new payments, ${count(customers.new)} new customers. ${count(invoices.unchanged)} invoices were already in the ledger.` });
      refreshLog();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  async function cancel(file: UploadedFile) {
    await call('import.discard', { fileId: file.fileId }).catch(() => undefined);
    setStage({ kind: 'choose' });
  }

  return (
    <section aria-label="Import">
      <header className="section-header"><h1>Import</h1></header>
      {error !== null && <p className="error" role="alert">{error}</p>}
      {stage.kind === 'choose' && (
        <div className="card">
          <h2>Choose a file</h2>
          <p className="lead">CSV or TSV, Excel (.xlsx), Tally XML, or a Tally outstanding report saved from Excel. Nothing is written until you confirm the preview.</p>
          {transport === 'desktop' ? (
            <button type="button" onClick={() => void chooseInDialog()}>Choose file…</button>
          ) : (
            <label className="file-picker">
              <span className="field-label">Ledger file</span>
              <input type="file" name="importFile" accept=".csv,.tsv,.txt,.xlsx,.xml" disabled={busy} onChange={(event) => void pick(event.target.files)} />
            </label>
          )}
        </div>
      )}
      {stage.kind === 'previewing' && <div className="card" aria-busy="true"><p>Reading {stage.file.fileName}…</p></div>}
      {stage.kind === 'preview' && (
        <>
          <ImportOptionsPanel preview={stage.preview} options={options} onApply={(next) => { setOptions(next); void runPreview(stage.file, next); }} />
          <PreviewPanel preview={stage.preview} presetLabel={presetLabels[stage.preview.preset] ?? (stage.preview.preset === 'tally-xml' ? 'Tally XML export' : stage.preview.preset)} busy={busy} onCommit={() => void commit(stage.file)} onCancel={() => void cancel(stage.file)} />
        </>
      )}
      {stage.kind === 'done' && (
        <div className="card" role="status" aria-label="Import summary">
          <h2>Import complete</h2>
          <p>{stage.summary}</p>
          <div className="actions left">
            <button type="button" onClick={() => go('customers')}>View customers</button>
            <button type="button" className="secondary" onClick={() => setStage({ kind: 'choose' })}>Import another file</button>
          </div>
        </div>
      )}
      <ImportLog entries={log} onUndone={refreshLog} onError={setError} />
    </section>
  );
}
