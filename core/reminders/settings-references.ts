import type { z } from 'zod';
import type { Schedule, ScheduleAssignment } from './schedule-schema';
import type { LanguagePackEdit } from './templates/language-pack';
import { findLanguagePackProblems, resolveLanguagePacks } from './templates/packs';

/** The parts of the reminder settings whose cross-references are checked here. */
interface ReferencedSettings {
  readonly schedules: readonly Schedule[];
  readonly assignment: ScheduleAssignment;
  readonly customers: Readonly<Record<string, { readonly scheduleId: string | null; readonly language: string | null }>>;
  readonly defaultLanguage: string;
  readonly languages: Readonly<Record<string, LanguagePackEdit>>;
}

/**
 * Checks what a field-by-field schema cannot. Every schedule and language named must exist, and
 * every template must parse with known placeholders. The default language must have every
 * template a schedule uses, because any other language falls back to it.
 */
export function checkSettingsReferences(settings: ReferencedSettings, context: z.RefinementCtx): void {
  const issue = (message: string, path: (string | number)[]) => context.addIssue({ code: 'custom', message, path });

  const scheduleIds = new Set<string>();
  settings.schedules.forEach((schedule, index) => {
    if (scheduleIds.has(schedule.id)) issue(`Schedule id "${schedule.id}" is used twice.`, ['schedules', index, 'id']);
    scheduleIds.add(schedule.id);
  });
  const checkSchedule = (id: string | null | undefined, path: (string | number)[]) => {
    if (id !== null && id !== undefined && !scheduleIds.has(id)) issue(`Schedule "${id}" does not exist.`, path);
  };
  checkSchedule(settings.assignment.defaultScheduleId, ['assignment', 'defaultScheduleId']);
  for (const [segment, id] of Object.entries(settings.assignment.bySegment)) checkSchedule(id, ['assignment', 'bySegment', segment]);
  for (const [band, id] of Object.entries(settings.assignment.byBand)) checkSchedule(id, ['assignment', 'byBand', band]);

  const { packs, incomplete } = resolveLanguagePacks(settings.languages);
  for (const tag of incomplete) {
    issue(`Language "${tag}" is new, so it needs a name, invoice line, status phrases, labels and templates.`, ['languages', tag]);
  }
  for (const [tag, pack] of Object.entries(packs)) {
    for (const problem of findLanguagePackProblems(tag, pack)) issue(problem, ['languages', tag]);
  }

  const checkLanguage = (tag: string | null, path: (string | number)[]) => {
    if (tag !== null && packs[tag] === undefined) issue(`Language "${tag}" does not exist; add it under languages first.`, path);
  };
  checkLanguage(settings.defaultLanguage, ['defaultLanguage']);
  for (const [customerId, preference] of Object.entries(settings.customers)) {
    checkSchedule(preference.scheduleId, ['customers', customerId, 'scheduleId']);
    checkLanguage(preference.language, ['customers', customerId, 'language']);
  }

  const defaultPack = packs[settings.defaultLanguage];
  if (defaultPack === undefined) return;
  settings.schedules.forEach((schedule, index) => {
    const templateIds = [...schedule.steps, ...(schedule.finalNotice ? [schedule.finalNotice] : [])].map((step) => step.templateId);
    if (schedule.repeat?.templateId !== undefined) templateIds.push(schedule.repeat.templateId);
    for (const templateId of templateIds) {
      if (defaultPack.templates[templateId] === undefined) {
        issue(`Schedule "${schedule.id}" uses template "${templateId}", which the default language "${settings.defaultLanguage}" does not have.`, ['schedules', index]);
      }
    }
  });
}
