import { z } from 'zod';
import type { CustomerAnalytics, CustomerScore, Indicator, ModelCoefficient, ModelQuality, PortfolioSummary, Reason, SmaStatus } from '../scoring/index';
import { customerSchema } from './customers';
import { defineRequest } from './define';

const bandSchema = z.enum(['A', 'B', 'C', 'D', 'E']);
const smaSchema = z.enum(['standard', 'SMA-0', 'SMA-1', 'SMA-2', 'NPA']);
const actionSchema = z.enum(['normal-terms', 'shorter-terms', 'advance-payment', 'stop-supply']);
const cutoffsSchema = z.tuple([z.number().int().min(1).max(100), z.number().int().min(1).max(100), z.number().int().min(1).max(100), z.number().int().min(1).max(100)])
  .refine((cutoffs) => cutoffs.every((value, index) => index === 0 || value > (cutoffs[index - 1] ?? 0)), 'Band cut-offs must rise from A to D.');

export const riskRowSchema = z.object({
  customerId: z.number().int(),
  name: z.string(),
  externalRef: z.string().nullable(),
  gstin: z.string().nullable(),
  pan: z.string().nullable(),
  score: z.number().int(),
  band: bandSchema,
  smaClass: smaSchema,
  method: z.string(),
  outstandingMinor: z.number().int(),
  overdueMinor: z.number().int(),
  exposureMinor: z.number().int(),
  daysPastDue: z.number().int(),
  indicatorCount: z.number().int(),
  indicatorSeverity: z.string().nullable(),
  suggestedAction: actionSchema,
  topReason: z.string().nullable(),
});
export type RiskRow = z.infer<typeof riskRowSchema>;

export const riskSortFields = ['score', 'name', 'exposure', 'overdue', 'daysPastDue', 'outstanding'] as const;

export const riskQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z.enum(riskSortFields).default('score'),
  descending: z.boolean().default(true),
  bands: z.array(bandSchema).max(5).default([]),
  smaClasses: z.array(smaSchema).max(5).default([]),
  minScore: z.number().int().min(0).max(100).optional(),
  minExposureMinor: z.number().int().min(0).optional(),
  overdueOnly: z.boolean().default(false),
  withIndicators: z.boolean().default(false),
  search: z.string().trim().max(100).default(''),
});
export type RiskQuery = z.input<typeof riskQuerySchema>;

/** The engine's result for one customer, stored as computed; typed from core/scoring. */
export interface CustomerRiskDetail {
  readonly asOf: string;
  readonly method: CustomerScore['method'];
  readonly score: number;
  readonly band: CustomerScore['band'];
  readonly probability: number;
  readonly reasons: readonly Reason[];
  readonly indicators: readonly Indicator[];
  readonly analytics: CustomerAnalytics;
  readonly sma: SmaStatus;
  readonly smaClass: CustomerScore['smaClass'];
  readonly suggestedAction: CustomerScore['suggestedAction'];
  readonly actionBasis: readonly string[];
}

export interface InvoiceHistoryPoint {
  readonly invoiceId: number;
  readonly invoiceNumber: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly openMinor: number;
  readonly settledOn: string | null;
  /** Days after the due date the invoice was settled (negative when early), or for open invoices the days past due so far. */
  readonly daysLate: number | null;
  readonly disputed: boolean;
}

export interface PortfolioView {
  readonly asOf: string;
  readonly computedAt: string;
  readonly summary: PortfolioSummary;
  readonly dsoTrend: readonly { asOf: string; dsoDays: number | null; outstandingMinor: number; overdueMinor: number }[];
  readonly bandMoves: readonly { customerId: number; name: string; from: string; to: string; asOf: string }[];
}

export interface ModelView {
  readonly asOf: string;
  readonly method: 'logistic' | 'scorecard';
  readonly reason: string | null;
  readonly labelledCount: number;
  readonly lateCount: number;
  readonly quality: ModelQuality | null;
  readonly coefficients: readonly ModelCoefficient[];
}

export const riskSettingsSchema = z.object({
  bandCutoffs: cutoffsSchema,
  bandActions: z.record(bandSchema, actionSchema),
  graceDays: z.number().int().min(0).max(60),
  rbiClassification: z.boolean(),
});
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

export const riskRequests = {
  'risk.portfolio': defineRequest(z.object({}), z.custom<PortfolioView | null>()),
  'risk.customers': defineRequest(riskQuerySchema, z.object({ total: z.number().int(), asOf: z.string().nullable(), items: z.array(riskRowSchema) })),
  'risk.customer': defineRequest(
    z.object({ id: z.number().int().positive() }),
    z.object({
      customer: customerSchema,
      risk: z.custom<CustomerRiskDetail | null>(),
      history: z.custom<InvoiceHistoryPoint[]>(),
      scoreHistory: z.array(z.object({ asOf: z.string(), score: z.number().int(), band: z.string(), smaClass: z.string() })),
    }),
  ),
  'risk.rescore': defineRequest(z.object({}), z.object({ asOf: z.string(), customers: z.number().int(), method: z.string(), milliseconds: z.number() })),
  'risk.model': defineRequest(z.object({}), z.custom<ModelView | null>()),
  'risk.settings': defineRequest(z.object({}), riskSettingsSchema),
  'risk.updateSettings': defineRequest(riskSettingsSchema.partial(), riskSettingsSchema),
  'risk.previewSettings': defineRequest(
    riskSettingsSchema.partial(),
    z.object({ current: z.record(z.string(), z.number().int()), proposed: z.record(z.string(), z.number().int()), moved: z.number().int() }),
  ),
  'customers.setCreditLimit': defineRequest(
    z.object({
      id: z.number().int().positive(),
      creditLimitMinor: z.number().int().min(0).nullable(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code.').nullable(),
      segment: z.string().trim().max(100).nullable().optional(),
      paymentTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
    }),
    customerSchema,
  ),
} as const;
