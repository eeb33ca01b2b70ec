import { z } from 'zod';
import { templateIdSchema } from './templates/language-pack';

export const channelSchema = z.enum(['email', 'whatsapp', 'sms']);
export const toneSchema = z.enum(['polite', 'neutral', 'firm', 'final']);
export const bandSchema = z.enum(['A', 'B', 'C', 'D', 'E']);
export const scheduleIdSchema = templateIdSchema;

const channelListSchema = z.array(channelSchema).min(1).max(3)
  .refine((list) => new Set(list).size === list.length, 'List each channel once.');

/** One reminder of a schedule, `offsetDays` after the due date (negative: before it). */
export const scheduleStepSchema = z.object({
  id: templateIdSchema,
  offsetDays: z.number().int().min(-90).max(3_650),
  templateId: templateIdSchema,
  tone: toneSchema,
  channels: channelListSchema,
  /** Attach a statement of account PDF to the e-mail. */
  attachStatement: z.boolean().default(false),
});
export type ScheduleStep = z.infer<typeof scheduleStepSchema>;

/**
 * Repeats the schedule's last step every `everyDays` after it, at most `maxCount` times. The
 * template, tone and channels default to the last step's.
 */
export const scheduleRepeatSchema = z.object({
  everyDays: z.number().int().min(1).max(365),
  maxCount: z.number().int().min(1).max(52),
  templateId: templateIdSchema.optional(),
  tone: toneSchema.optional(),
  channels: channelListSchema.optional(),
});
export type ScheduleRepeat = z.infer<typeof scheduleRepeatSchema>;

export const scheduleSchema = z.object({
  id: scheduleIdSchema,
  name: z.string().trim().min(1).max(100),
  steps: z.array(scheduleStepSchema).min(1).max(20),
  /** Last reminder of the schedule; its tone must be `final` and it must come after every step. */
  finalNotice: scheduleStepSchema.nullable().default(null),
  repeat: scheduleRepeatSchema.nullable().default(null),
  /** Send one message per channel for all of a customer's due invoices. */
  groupInvoices: z.boolean().default(true),
}).superRefine((schedule, context) => {
  const steps = schedule.finalNotice === null ? schedule.steps : [...schedule.steps, schedule.finalNotice];
  const ids = new Set<string>();
  steps.forEach((step, index) => {
    if (ids.has(step.id)) context.addIssue({ code: 'custom', message: `Step id "${step.id}" is used twice. Give each step its own id.`, path: ['steps', index, 'id'] });
    ids.add(step.id);
    const previous = steps[index - 1];
    if (previous !== undefined && step.offsetDays <= previous.offsetDays) {
      context.addIssue({ code: 'custom', message: `Step "${step.id}" (day ${step.offsetDays}) must come after step "${previous.id}" (day ${previous.offsetDays}).`, path: ['steps', index, 'offsetDays'] });
    }
  });
  if (schedule.finalNotice !== null && schedule.finalNotice.tone !== 'final') {
    context.addIssue({ code: 'custom', message: 'The final notice must have the tone "final".', path: ['finalNotice', 'tone'] });
  }
});
export type Schedule = z.infer<typeof scheduleSchema>;

/**
 * Assignment of schedules to customers. The customer's own choice ranks first, then the
 * schedule of the customer's segment, then that of the risk band, then the default. The user
 * picks a segment for a group of customers, so it outranks the computed band.
 */
export const scheduleAssignmentSchema = z.object({
  defaultScheduleId: scheduleIdSchema,
  bySegment: z.record(z.string().trim().min(1).max(100), scheduleIdSchema).default({}),
  byBand: z.partialRecord(bandSchema, scheduleIdSchema).default({}),
});
export type ScheduleAssignment = z.infer<typeof scheduleAssignmentSchema>;
