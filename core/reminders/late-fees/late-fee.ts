import { z } from 'zod';
import { daysBetween, type IsoDate } from '../../ledger/dates';
import type { Invoice } from '../../ledger/types';
import { bankRateSchema, rbiBankRates } from './bank-rates';
import { msmedInterest } from './msmed';
import { penalCharge, simpleInterest } from './simple-and-penal';

const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as INR.');

/** Late-fee rule: the interest or charge a reminder shows on overdue invoices, one setting per ledger. */
export const lateFeeSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('msmed'),
    /** Whether invoice due dates were agreed in writing (MSMED Act section 15). */
    writtenAgreement: z.boolean().default(true),
    bankRates: z.array(bankRateSchema).min(1).default([...rbiBankRates]),
  }),
  z.object({
    kind: z.literal('simple'),
    annualRateBasisPoints: z.number().int().min(1).max(10_000),
    graceDays: z.number().int().min(0).max(365).default(0),
  }),
  z.object({
    kind: z.literal('penal'),
    charge: z.discriminatedUnion('type', [
      z.object({ type: z.literal('fixed'), amountMinor: z.number().int().min(1), currency: currencyCodeSchema }),
      z.object({ type: z.literal('percent'), basisPoints: z.number().int().min(1).max(10_000) }),
    ]),
    graceDays: z.number().int().min(0).max(365).default(0),
  }),
]);
export type LateFeeSettings = z.infer<typeof lateFeeSettingsSchema>;
export type LateFeeKind = Exclude<LateFeeSettings['kind'], 'none'>;

export interface LateFee {
  readonly kind: LateFeeKind;
  /** In minor units of the invoice's currency. */
  readonly amountMinor: number;
}

/** Computes the interest or charge on an invoice's unpaid balance as of a date; null when none applies. */
export function lateFeeFor(settings: LateFeeSettings, invoice: Invoice, balanceMinor: number, asOf: IsoDate): LateFee | null {
  if (balanceMinor <= 0) return null;
  const daysOverdue = daysBetween(invoice.dueDate, asOf);

  switch (settings.kind) {
    case 'none':
      return null;
    case 'msmed': {
      const interest = msmedInterest({
        principalMinor: balanceMinor,
        acceptanceDate: invoice.issueDate,
        agreedDueDate: settings.writtenAgreement ? invoice.dueDate : null,
        asOf,
        bankRates: settings.bankRates,
      });
      return interest === null || interest.interestMinor === 0 ? null : { kind: 'msmed', amountMinor: interest.interestMinor };
    }
    case 'simple': {
      const amount = simpleInterest(balanceMinor, settings.annualRateBasisPoints, daysOverdue - settings.graceDays);
      return amount === 0 ? null : { kind: 'simple', amountMinor: amount };
    }
    case 'penal': {
      if (daysOverdue <= settings.graceDays) return null;
      // NOTE: a fixed charge in another currency than the invoice's is not converted, so it is left out.
      if (settings.charge.type === 'fixed' && settings.charge.currency !== invoice.currency) return null;
      return { kind: 'penal', amountMinor: penalCharge(settings.charge, balanceMinor) };
    }
  }
}
