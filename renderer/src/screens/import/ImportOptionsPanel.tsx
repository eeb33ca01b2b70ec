import { useEffect, useState } from 'react';
import type { ImportPreview, ImportRequestOptions } from '../../../../core/contract/index';
import { importFields, type ImportField, type ImportMapping } from '../../../../core/import/mapping/mapping';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';

const fieldLabels: Record<ImportField, string> = {
  customerName: 'Customer name', customerRef: 'Customer code', customerGstin: 'GSTIN', customerPan: 'PAN', customerEmail: 'E-mail', customerPhone: 'Phone',
  customerAddress: 'Address', customerTermsDays: 'Customer terms (days)', invoiceNumber: 'Invoice number', issueDate: 'Invoice date', dueDate: 'Due date',
  creditDays: 'Credit days', amount: 'Amount', currency: 'Currency', openAmount: 'Open balance', description: 'Description', disputed: 'Disputed',
  status: 'Status', transactionType: 'Transaction type', paymentDate: 'Payment date', paidAmount: 'Amount paid', paymentReference: 'Payment reference',
  daysToPayment: 'Days to payment', overdueDays: 'Days overdue',
};

interface Props {
  preview: ImportPreview;
  options: ImportRequestOptions;
  onApply: (options: ImportRequestOptions) => void;
}

/** The import's settings: preset, default currency and terms, day/month order, and the column mapping. */
export function ImportOptionsPanel({ preview, options, onApply }: Props) {
  const [presets, setPresets] = useState<{ id: string; label: string }[]>([]);
  const [saved, setSaved] = useState<{ name: string; mapping: ImportMapping }[]>([]);
  const [preset, setPreset] = useState(options.preset ?? '');
  const [currency, setCurrency] = useState(options.defaultCurrency ?? 'INR');
  const [terms, setTerms] = useState(options.defaultTermsDays === undefined ? '' : String(options.defaultTermsDays));
  const [dateOrder, setDateOrder] = useState<Record<string, 'DMY' | 'MDY'>>(preview.mapping?.dateOrder ?? {});
  const [columns, setColumns] = useState<Partial<Record<ImportField, string>>>(preview.mapping?.columns ?? {});
  const [showMapping, setShowMapping] = useState(false);
  const [mappingName, setMappingName] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void call('import.presets', {}).then(setPresets);
    void call('import.mappings', {}).then(setSaved);
  }, []);
  useEffect(() => {
    setDateOrder(preview.mapping?.dateOrder ?? {});
    setColumns(preview.mapping?.columns ?? {});
  }, [preview]);

  const needsDateOrder = preview.ambiguousDateColumns.length > 0;

  function currentMapping(): ImportMapping | undefined {
    if (preview.mapping === null) return undefined;
    return { ...preview.mapping, dateOrder, columns, defaultCurrency: currency };
  }

  function apply(useMapping: boolean) {
    const mapping = useMapping || needsDateOrder || Object.keys(dateOrder).length > 0 ? currentMapping() : undefined;
    onApply({
      ...(preset === '' ? {} : { preset }),
      ...(mapping === undefined ? {} : { mapping }),
      defaultCurrency: currency.toUpperCase(),
      ...(terms.trim() === '' ? {} : { defaultTermsDays: Number(terms) }),
    });
  }

  async function saveMapping() {
    const mapping = currentMapping();
    if (mapping === undefined || mappingName.trim() === '') return;
    try {
      await call('import.saveMapping', { name: mappingName.trim(), mapping });
      setSaved(await call('import.mappings', {}));
      setMessage(`Saved the mapping as "${mappingName.trim()}".`);
    } catch (failure) {
      setMessage(errorText(failure));
    }
  }

  return (
    <div className="card" aria-label="Import options">
      <h2>How to read {preview.file.fileName}</h2>
      {needsDateOrder && (
        <div className="question" role="group" aria-label="Date order">
          <p><strong>Which order are the dates in?</strong> Every date in these columns could be read either way.</p>
          {preview.ambiguousDateColumns.map((column) => (
            <fieldset key={column} className="inline-choice">
              <legend>{column}</legend>
              <label><input type="radio" name={`order-${column}`} checked={dateOrder[column] === 'DMY'} onChange={() => setDateOrder({ ...dateOrder, [column]: 'DMY' })} /> Day first (DD/MM/YYYY)</label>
              <label><input type="radio" name={`order-${column}`} checked={dateOrder[column] === 'MDY'} onChange={() => setDateOrder({ ...dateOrder, [column]: 'MDY' })} /> Month first (MM/DD/YYYY)</label>
            </fieldset>
          ))}
        </div>
      )}
      <div className="grid-3">
        <Field label="Layout preset" hint={`Detected: ${presets.find((item) => item.id === preview.preset)?.label ?? (preview.preset === 'tally-xml' ? 'Tally XML export' : preview.preset || 'none')}`}>
          <select name="preset" value={preset} onChange={(event) => setPreset(event.target.value)}>
            <option value="">Detect from the header</option>
            {presets.map((item) => <option key={item.id} value={item.id}>{item.label}</option>)}
          </select>
        </Field>
        <Field label="Currency when the file gives none"><input name="defaultCurrency" value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value)} /></Field>
        <Field label="Default credit period (days)" hint="For bills with no due date or credit period."><input name="defaultTermsDays" inputMode="numeric" value={terms} onChange={(event) => setTerms(event.target.value)} /></Field>
      </div>
      {saved.length > 0 && (
        <Field label="Saved mapping">
          <select name="savedMapping" defaultValue="" onChange={(event) => {
            const chosen = saved.find((item) => item.name === event.target.value);
            if (chosen !== undefined) onApply({ ...options, mapping: chosen.mapping });
          }}>
            <option value="">—</option>
            {saved.map((item) => <option key={item.name} value={item.name}>{item.name}</option>)}
          </select>
        </Field>
      )}
      <button type="button" className="link" onClick={() => setShowMapping(!showMapping)}>{showMapping ? 'Hide column mapping' : 'Edit column mapping'}</button>
      {showMapping && (
        <div className="mapping-grid" aria-label="Column mapping">
          {importFields.map((field) => (
            <Field key={field} label={fieldLabels[field]}>
              <select name={`column-${field}`} value={columns[field] ?? ''} onChange={(event) => {
                const next = { ...columns };
                if (event.target.value === '') delete next[field];
                else next[field] = event.target.value;
                setColumns(next);
              }}>
                <option value="">Not in the file</option>
                {preview.columns.map((column) => <option key={column} value={column}>{column}</option>)}
              </select>
            </Field>
          ))}
          <div className="save-mapping">
            <Field label="Save this mapping as"><input name="mappingName" value={mappingName} onChange={(event) => setMappingName(event.target.value)} /></Field>
            <button type="button" className="secondary" disabled={mappingName.trim() === '' || preview.mapping === null} onClick={() => void saveMapping()}>Save mapping</button>
          </div>
        </div>
      )}
      {message !== null && <p className="hint">{message}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => apply(showMapping)} disabled={needsDateOrder && preview.ambiguousDateColumns.some((column) => dateOrder[column] === undefined)}>Read the file again</button>
      </div>
    </div>
  );
}
