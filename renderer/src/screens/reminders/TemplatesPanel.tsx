import { useEffect, useState } from 'react';
import type { ReminderTemplate } from '../../../../core/reminders/templates/language-pack';
import { channels, type Channel } from '../../../../core/reminders/types';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import { CustomerSearch, type CustomerMatch } from './CustomerSearch';
import { channelLabels, useReminderSettings } from './use-reminder-settings';

interface Preview {
  subject: string;
  body: string;
  customerName: string;
  invoiceCount: number;
  usedSampleInvoices: boolean;
  error: string | null;
}

/** Edits one template of one language, with a live preview for a real customer on a chosen channel. */
export function TemplatesPanel() {
  const { view, save, message, error } = useReminderSettings();
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  const [language, setLanguage] = useState('en');
  const [templateId, setTemplateId] = useState('overdue-polite');
  const [channel, setChannel] = useState<Channel>('email');
  const [draft, setDraft] = useState<ReminderTemplate | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);

  const pack = view?.languages.find((entry) => entry.tag === language);
  const stored = pack?.templates[templateId];
  useEffect(() => setDraft(stored ?? null), [stored]);

  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => {
      call('reminders.preview', { customerId: customer?.id ?? null, language, templateId, channel, template: draft })
        .then((result) => { setPreview(result); setPreviewError(null); }, (failure: unknown) => setPreviewError(errorText(failure)));
    }, 200);
    return () => clearTimeout(timer);
  }, [draft, customer, language, templateId, channel]);

  if (view === null) return error === null ? <p className="hint">Loading the templates…</p> : <p className="error" role="alert">{error}</p>;

  async function saveTemplate() {
    if (draft === null || view === null) return;
    const edit = view.settings.languages[language] ?? {};
    const settings = { ...view.settings, languages: { ...view.settings.languages, [language]: { ...edit, templates: { ...edit.templates, [templateId]: draft } } } };
    await save({ settings }, `Template "${templateId}" (${pack?.name ?? language}) saved.`);
  }

  const update = (key: keyof ReminderTemplate) => (event: { target: { value: string } }) => draft !== null && setDraft({ ...draft, [key]: event.target.value });
  return (
    <div className="template-editor">
      <div className="card">
        <div className="grid-3">
          <Field label="Language">
            <select name="language" value={language} onChange={(event) => setLanguage(event.target.value)}>
              {view.languages.map((entry) => <option key={entry.tag} value={entry.tag}>{entry.name} ({entry.tag})</option>)}
            </select>
          </Field>
          <Field label="Template" hint="Each schedule step names its template and tone.">
            <select name="template" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
              {Object.keys(pack?.templates ?? {}).map((id) => <option key={id} value={id}>{id}</option>)}
            </select>
          </Field>
          <Field label="Channel">
            <select name="channel" value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
              {channels.map((value) => <option key={value} value={value}>{channelLabels[value]}</option>)}
            </select>
          </Field>
        </div>
        <CustomerSearch label="Preview for customer" selectedId={customer?.id ?? null} onSelect={setCustomer} />
      </div>
      <div className="editor-columns">
        <form className="card" aria-label="Template text" onSubmit={(event) => { event.preventDefault(); void saveTemplate(); }}>
          <h2>Text</h2>
          <Field label="E-mail subject"><input name="subject" value={draft?.subject ?? ''} onChange={update('subject')} /></Field>
          <Field label="E-mail body"><textarea name="body" rows={14} value={draft?.body ?? ''} onChange={update('body')} /></Field>
          <Field label="WhatsApp and SMS text"><textarea name="short" rows={4} value={draft?.short ?? ''} onChange={update('short')} /></Field>
          <details className="placeholders">
            <summary>Placeholders</summary>
            <dl>{Object.entries(view.placeholders).map(([name, help]) => <div key={name}><dt className="mono">{`{${name}}`}</dt><dd>{help}</dd></div>)}</dl>
          </details>
          {message !== null && <p className="success" role="status">{message}</p>}
          {error !== null && <p className="error" role="alert">{error}</p>}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setDraft(stored ?? null)}>Discard changes</button>
            <button type="submit">Save template</button>
          </div>
        </form>
        <section className="card preview" aria-label="Preview">
          <h2>Preview</h2>
          {previewError !== null && <p className="error" role="alert">{previewError}</p>}
          {preview !== null && (
            <>
              <p className="hint">
                For {preview.customerName}{preview.usedSampleInvoices ? ', on sample invoices because the customer has no open invoice' : `, on ${preview.invoiceCount} open invoice${preview.invoiceCount === 1 ? '' : 's'}`}, by {channelLabels[channel]}.
              </p>
              {preview.error !== null ? <p className="error" role="alert">{preview.error}</p> : (
                <>
                  {channel === 'email' && <p className="preview-subject" data-testid="preview-subject">{preview.subject}</p>}
                  <pre className="message-body" data-testid="preview-body">{preview.body}</pre>
                </>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
