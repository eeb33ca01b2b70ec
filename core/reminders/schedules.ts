import { addDays, daysBetween, type IsoDate } from '../ledger/dates';
import type { Customer } from '../ledger/types';
import type { Schedule, ScheduleStep } from './schedule-schema';
import type { ReminderSettings } from './settings';
import type { Band, StepOccurrence } from './types';

/** A customer's reminder profile: schedule, language and time zone after the settings are resolved. */
export interface CustomerProfile {
  readonly customerId: number;
  /** Set to manual: steps are still computed, so skips can name them, but nothing is sent. */
  readonly manual: boolean;
  readonly schedule: Schedule;
  readonly language: string;
  readonly timeZone: string;
}

/**
 * Chooses a customer's schedule, language and time zone: the customer's own preference, then
 * the schedule of the customer's segment, then that of the risk band, then the defaults.
 */
export function resolveCustomerProfile(settings: ReminderSettings, customer: Customer, band: Band | null): CustomerProfile {
  const preference = settings.customers[String(customer.id)];
  const assignment = settings.assignment;
  const segmentScheduleId = customer.segment === null ? undefined : assignment.bySegment[customer.segment];
  const bandScheduleId = band === null ? undefined : assignment.byBand[band];
  const scheduleId = preference?.scheduleId ?? segmentScheduleId ?? bandScheduleId ?? assignment.defaultScheduleId;
  const schedule = settings.schedules.find((candidate) => candidate.id === scheduleId);
  if (schedule === undefined) {
    throw new RangeError(`Schedule "${scheduleId}" for customer ${customer.id} does not exist; parse the settings with parseReminderSettings first.`);
  }
  return {
    customerId: customer.id,
    manual: preference?.mode === 'manual',
    schedule,
    language: preference?.language ?? settings.defaultLanguage,
    timeZone: preference?.timeZone ?? settings.defaultTimeZone,
  };
}

/** Returns the schedule's steps in order, the final notice last. */
export function scheduleSteps(schedule: Schedule): readonly ScheduleStep[] {
  return schedule.finalNotice === null ? schedule.steps : [...schedule.steps, schedule.finalNotice];
}

function occurrenceOf(step: ScheduleStep, date: IsoDate): StepOccurrence {
  return {
    stepId: step.id,
    repeatIndex: 0,
    date,
    templateId: step.templateId,
    tone: step.tone,
    channels: step.channels,
    attachStatement: step.attachStatement,
  };
}

/**
 * Returns the latest step (or repeat of the last step) due on or before `today` for an invoice
 * due on `dueDate`, or null when the first step is still ahead. Earlier steps are never
 * returned, so an app closed for a week sends one reminder per invoice when it opens, not one
 * for each step it missed.
 */
export function latestOccurrence(schedule: Schedule, dueDate: IsoDate, today: IsoDate): StepOccurrence | null {
  const steps = scheduleSteps(schedule);
  let latest: { step: ScheduleStep; date: IsoDate } | null = null;
  for (const step of steps) {
    const date = addDays(dueDate, step.offsetDays);
    if (date <= today) latest = { step, date };
  }
  if (latest === null) return null;

  const repeat = schedule.repeat;
  const isLastStep = latest.step === steps[steps.length - 1];
  if (repeat === null || !isLastStep) return occurrenceOf(latest.step, latest.date);

  const repeatIndex = Math.min(repeat.maxCount, Math.floor(daysBetween(latest.date, today) / repeat.everyDays));
  if (repeatIndex === 0) return occurrenceOf(latest.step, latest.date);
  return {
    stepId: latest.step.id,
    repeatIndex,
    date: addDays(latest.date, repeatIndex * repeat.everyDays),
    templateId: repeat.templateId ?? latest.step.templateId,
    tone: repeat.tone ?? latest.step.tone,
    channels: repeat.channels ?? latest.step.channels,
    attachStatement: latest.step.attachStatement,
  };
}
