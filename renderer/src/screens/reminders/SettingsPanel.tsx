import { useEffect, useState, type FormEvent } from 'react';
import type { ReminderMode, ReminderSettingsView } from '../../../../core/contract/index';
import type { ReminderSettings } from '../../../../core/reminders/settings';
import { Field } from '../../components/Field';
import { SchedulesEditor } from './SchedulesEditor';
import { SmtpForm } from './SmtpForm';
import { useReminderSettings, weekdayNames, type SaveSettingsInput } from './use-reminder-settings';

type Save = (change: SaveSettingsInput, confirmation: string) => Promise<boolean>;

/** Reminder settings: sending mode and rules, schedules, the SMTP server and the business's payment details. */
export function SettingsPanel() {
  const { view, save, message, error } = useReminderSettings();
  if (view === null) return error === null ? <p className="hint">Loading the reminder settings…</p> : <p className="error" role="alert">{error}</p>;
  return (
    <div className="reminder-settings">
      {message !== null && <p className="success" role="status">{message}</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <SendingForm view={view} save={save} />
      <SchedulesEditor settings={view.settings} save={(settings) => save({ settings }, 'Schedules saved.')} />
      <SmtpForm view={view} save={save} />
      <BusinessForm settings={view.settings} save={save} />
    </div>
  );
}

const modeLabels: Record<ReminderMode, string> = {
  off: 'Off: plan and send nothing',
  review: 'Review: write drafts that wait for approval',
  automatic: 'Automatic: send e-mail as soon as it is due',
};

/** Parses holiday lines such as "2026-01-26 Republic Day". */
function parseHolidays(text: string): { date: string; name: string }[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => {
    const [date = '', ...name] = line.split(/\s+/);
    return { date, name: name.join(' ') };
  });
}

function SendingForm({ view, save }: { view: ReminderSettingsView; save: Save }) {
  const { settings } = view;
  const [mode, setMode] = useState<ReminderMode>(view.delivery.mode);
  const [start, setStart] = useState(settings.sendWindow.sendingHours.start);
  const [end, setEnd] = useState(settings.sendWindow.sendingHours.end);
  const [offDays, setOffDays] = useState<number[]>(settings.sendWindow.weeklyOffDays);
  const [holidays, setHolidays] = useState(settings.sendWindow.holidays.map((holiday) => `${holiday.date} ${holiday.name}`.trim()).join('\n'));
  const [cap, setCap] = useState(settings.weeklyCap === null ? '' : String(settings.weeklyCap));
  const [catchUp, setCatchUp] = useState(settings.maxCatchUpDays === null ? '' : String(settings.maxCatchUpDays));
  const [language, setLanguage] = useState(settings.defaultLanguage);
  const [timeZone, setTimeZone] = useState(settings.defaultTimeZone);

  useEffect(() => setMode(view.delivery.mode), [view.delivery.mode]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: ReminderSettings = {
      ...settings,
      sendWindow: { sendingHours: { start, end }, weeklyOffDays: [...offDays].sort(), holidays: parseHolidays(holidays) },
      weeklyCap: cap.trim() === '' ? null : Number(cap),
      maxCatchUpDays: catchUp.trim() === '' ? null : Number(catchUp),
      defaultLanguage: language,
      defaultTimeZone: timeZone,
    };
    await save({ settings: next, delivery: { ...view.delivery, mode } }, 'Sending rules saved.');
  }

  const toggleDay = (day: number) => setOffDays(offDays.includes(day) ? offDays.filter((value) => value !== day) : [...offDays, day]);
  return (
    <form className="card" aria-label="Sending rules" onSubmit={(event) => void submit(event)}>
      <h2>Sending</h2>
      <fieldset className="stacked-choice">
        <legend>Mode</legend>
        {(['off', 'review', 'automatic'] as const).map((value) => (
          <label key={value}><input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} /> {modeLabels[value]}</label>
        ))}
        <p className="hint">WhatsApp and SMS messages are always prepared for you to send from your phone.</p>
      </fieldset>
      <div className="grid-3">
        <Field label="Sending hours start" hint="24-hour time in the customer's time zone."><input name="start" value={start} onChange={(event) => setStart(event.target.value)} /></Field>
        <Field label="Sending hours end" hint="Reminders stop before this time."><input name="end" value={end} onChange={(event) => setEnd(event.target.value)} /></Field>
        <Field label="Time zone" hint="IANA name, such as Asia/Kolkata."><input name="timeZone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} /></Field>
        <Field label="Weekly cap" hint="Most reminders to one customer in 7 days; empty for none."><input name="weeklyCap" inputMode="numeric" value={cap} onChange={(event) => setCap(event.target.value)} /></Field>
        <Field label="Catch-up days" hint="Steps older than this are not sent late; empty to always catch up."><input name="catchUp" inputMode="numeric" value={catchUp} onChange={(event) => setCatchUp(event.target.value)} /></Field>
        <Field label="Default language">
          <select name="language" value={language} onChange={(event) => setLanguage(event.target.value)}>
            {view.languages.map((entry) => <option key={entry.tag} value={entry.tag}>{entry.name} ({entry.tag})</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="inline-choice" aria-label="Weekly off-days">
        <legend>Off-days</legend>
        {weekdayNames.map((name, day) => (
          <label key={name}><input type="checkbox" checked={offDays.includes(day)} onChange={() => toggleDay(day)} /> {name.slice(0, 3)}</label>
        ))}
      </fieldset>
      <Field label="Holidays" hint="One per line: YYYY-MM-DD and a name, such as 2026-01-26 Republic Day.">
        <textarea name="holidays" rows={3} value={holidays} onChange={(event) => setHolidays(event.target.value)} />
      </Field>
      <div className="actions"><button type="submit">Save sending rules</button></div>
    </form>
  );
}

const businessFields = [
  ['name', 'Business name'], ['address', 'Address'], ['gstin', 'GSTIN'], ['phone', 'Phone'], ['email', 'E-mail'], ['upiId', 'UPI ID'],
  ['bankAccountName', 'Account name'], ['bankAccountNumber', 'Account number'], ['bankName', 'Bank'], ['ifsc', 'IFSC'],
] as const;

function BusinessForm({ settings, save }: { settings: ReminderSettings; save: Save }) {
  const [business, setBusiness] = useState(settings.business);
  return (
    <form className="card" aria-label="Business and payment details" onSubmit={(event) => { event.preventDefault(); void save({ settings: { ...settings, business } }, 'Business details saved.'); }}>
      <h2>Business and payment details</h2>
      <p className="hint">Shown in reminders and on the statement of account.</p>
      <div className="grid-3">
        {businessFields.map(([key, label]) => (
          <Field key={key} label={label}>
            <input name={key} value={business[key]} onChange={(event) => setBusiness({ ...business, [key]: event.target.value })} />
          </Field>
        ))}
      </div>
      <div className="actions"><button type="submit">Save business details</button></div>
    </form>
  );
}
