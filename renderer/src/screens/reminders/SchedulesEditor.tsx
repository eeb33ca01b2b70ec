import { useState } from 'react';
import { defaultTemplateIds } from '../../../../core/reminders/templates/defaults';
import type { Schedule, ScheduleStep } from '../../../../core/reminders/schedule-schema';
import type { ReminderSettings } from '../../../../core/reminders/settings';
import { channels, tones, type Band, type Channel } from '../../../../core/reminders/types';
import { Field } from '../../components/Field';
import { channelLabels, toneLabels } from './use-reminder-settings';

const bands: Band[] = ['A', 'B', 'C', 'D', 'E'];

/** Edits the schedules, their steps, final notice and repeats, and which customers get which schedule. */
export function SchedulesEditor({ settings, save }: { settings: ReminderSettings; save: (settings: ReminderSettings) => Promise<boolean> }) {
  const [schedules, setSchedules] = useState<Schedule[]>(settings.schedules);
  const [assignment, setAssignment] = useState(settings.assignment);
  const [index, setIndex] = useState(0);
  const schedule = schedules[index] ?? schedules[0];
  if (schedule === undefined) return null;

  const replace = (next: Schedule) => setSchedules(schedules.map((entry, position) => (position === index ? next : entry)));
  const templateIds = Object.keys(settings.languages[settings.defaultLanguage]?.templates ?? {}).concat(defaultTemplateIds).filter((id, position, all) => all.indexOf(id) === position);

  function addSchedule() {
    const id = `schedule-${schedules.length + 1}`;
    setSchedules([...schedules, { ...schedule, id, name: `Schedule ${schedules.length + 1}` } as Schedule]);
    setIndex(schedules.length);
  }

  return (
    <form className="card" aria-label="Schedules" onSubmit={(event) => { event.preventDefault(); void save({ ...settings, schedules, assignment }); }}>
      <h2>Schedules</h2>
      <div className="chips" role="group" aria-label="Schedule">
        {schedules.map((entry, position) => (
          <button key={entry.id} type="button" className={position === index ? 'chip active' : 'chip'} aria-pressed={position === index} onClick={() => setIndex(position)}>{entry.name}</button>
        ))}
        <button type="button" className="link" onClick={addSchedule}>Add schedule</button>
      </div>
      <div className="grid-3">
        <Field label="Schedule name"><input name="scheduleName" value={schedule.name} onChange={(event) => replace({ ...schedule, name: event.target.value })} /></Field>
        <Field label="Schedule id" hint="Lower-case letters, digits and hyphens."><input name="scheduleId" value={schedule.id} onChange={(event) => replace({ ...schedule, id: event.target.value })} /></Field>
        <label className="check"><input type="checkbox" checked={schedule.groupInvoices} onChange={(event) => replace({ ...schedule, groupInvoices: event.target.checked })} /> One message per channel for all of a customer&apos;s due invoices</label>
      </div>
      <table className="data-table compact steps-table" aria-label="Steps">
        <thead><tr><th>Step id</th><th>Days after due date</th><th>Template</th><th>Tone</th><th>Channels</th><th>Statement</th><th /></tr></thead>
        <tbody>
          {schedule.steps.map((step, position) => (
            <StepRow key={position} step={step} templateIds={templateIds} onChange={(next) => replace({ ...schedule, steps: schedule.steps.map((entry, at) => (at === position ? next : entry)) })}
              onRemove={schedule.steps.length > 1 ? () => replace({ ...schedule, steps: schedule.steps.filter((_entry, at) => at !== position) }) : null} />
          ))}
          {schedule.finalNotice !== null && (
            <StepRow step={schedule.finalNotice} templateIds={templateIds} final onChange={(next) => replace({ ...schedule, finalNotice: next })} onRemove={() => replace({ ...schedule, finalNotice: null })} />
          )}
        </tbody>
      </table>
      <div className="actions left">
        <button type="button" className="secondary" onClick={() => {
          const last = schedule.steps.at(-1);
          replace({ ...schedule, steps: [...schedule.steps, { id: `step-${schedule.steps.length + 1}`, offsetDays: (last?.offsetDays ?? 0) + 7, templateId: 'overdue-firm', tone: 'firm', channels: ['email'], attachStatement: false }] });
        }}>Add step</button>
        {schedule.finalNotice === null && (
          <button type="button" className="secondary" onClick={() => replace({ ...schedule, finalNotice: { id: 'final', offsetDays: (schedule.steps.at(-1)?.offsetDays ?? 0) + 15, templateId: 'final-notice', tone: 'final', channels: ['email'], attachStatement: true } })}>Add final notice</button>
        )}
      </div>
      <div className="grid-3">
        <Field label="Repeat the last step every (days)" hint="Empty for no repeats.">
          <input name="repeatEvery" inputMode="numeric" value={schedule.repeat?.everyDays ?? ''} onChange={(event) => replace({ ...schedule, repeat: event.target.value === '' ? null : { ...(schedule.repeat ?? { maxCount: 3 }), everyDays: Number(event.target.value) } })} />
        </Field>
        <Field label="Repeat at most (times)">
          <input name="repeatMax" inputMode="numeric" disabled={schedule.repeat === null} value={schedule.repeat?.maxCount ?? ''} onChange={(event) => schedule.repeat !== null && replace({ ...schedule, repeat: { ...schedule.repeat, maxCount: Number(event.target.value) } })} />
        </Field>
      </div>
      <h3>Who gets which schedule</h3>
      <div className="grid-3">
        <Field label="Default schedule">
          <select name="defaultSchedule" value={assignment.defaultScheduleId} onChange={(event) => setAssignment({ ...assignment, defaultScheduleId: event.target.value })}>
            {schedules.map((entry) => <option key={entry.id} value={entry.id}>{entry.name}</option>)}
          </select>
        </Field>
        {bands.map((band) => (
          <Field key={band} label={`Risk band ${band}`}>
            <select name={`band-${band}`} value={assignment.byBand[band] ?? ''} onChange={(event) => setAssignment({ ...assignment, byBand: { ...assignment.byBand, [band]: event.target.value === '' ? undefined : event.target.value } })}>
              <option value="">Default schedule</option>
              {schedules.map((entry) => <option key={entry.id} value={entry.id}>{entry.name}</option>)}
            </select>
          </Field>
        ))}
      </div>
      <div className="actions"><button type="submit">Save schedules</button></div>
    </form>
  );
}

function StepRow({ step, templateIds, final = false, onChange, onRemove }: { step: ScheduleStep; templateIds: string[]; final?: boolean; onChange: (step: ScheduleStep) => void; onRemove: (() => void) | null }) {
  const toggleChannel = (channel: Channel) => {
    const next = step.channels.includes(channel) ? step.channels.filter((value) => value !== channel) : [...step.channels, channel];
    if (next.length > 0) onChange({ ...step, channels: channels.filter((value) => next.includes(value)) });
  };
  return (
    <tr aria-label={`Step ${step.id}`}>
      <td><input className="step-id" aria-label="Step id" value={step.id} onChange={(event) => onChange({ ...step, id: event.target.value })} />{final && <span className="hint">Final notice</span>}</td>
      <td><input className="step-days" aria-label="Days after due date" inputMode="numeric" value={step.offsetDays} onChange={(event) => onChange({ ...step, offsetDays: Number(event.target.value) || 0 })} /></td>
      <td>
        <select aria-label="Template" value={step.templateId} onChange={(event) => onChange({ ...step, templateId: event.target.value })}>
          {templateIds.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      </td>
      <td>
        <select aria-label="Tone" value={step.tone} disabled={final} onChange={(event) => onChange({ ...step, tone: event.target.value as ScheduleStep['tone'] })}>
          {tones.map((tone) => <option key={tone} value={tone}>{toneLabels[tone]}</option>)}
        </select>
      </td>
      <td className="channel-checks">
        {channels.map((channel) => (
          <label key={channel}><input type="checkbox" checked={step.channels.includes(channel)} onChange={() => toggleChannel(channel)} /> {channelLabels[channel]}</label>
        ))}
      </td>
      <td><input type="checkbox" aria-label="Attach statement" checked={step.attachStatement} onChange={(event) => onChange({ ...step, attachStatement: event.target.checked })} /></td>
      <td>{onRemove !== null && <button type="button" className="link" onClick={onRemove}>Remove</button>}</td>
    </tr>
  );
}
