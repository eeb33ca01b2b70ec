import { describe, expect, it } from 'vitest';
import { addMonths, divideRoundHalfUp } from '../../../core/reminders/late-fees/arithmetic';
import { bankRateOn, rbiBankRates } from '../../../core/reminders/late-fees/bank-rates';
import { lateFeeFor, lateFeeSettingsSchema } from '../../../core/reminders/late-fees/late-fee';
import { msmedInterest, msmedLastDayToPay } from '../../../core/reminders/late-fees/msmed';
import { penalCharge, simpleInterest } from '../../../core/reminders/late-fees/simple-and-penal';
import { planReminders } from '../../../core/reminders/planner';
import { invoice, mondayMorningIst, planInput, plainSettingsInput } from './fixtures';

describe('MSMED Act section 16 interest', () => {
  it('matches the worked example to the paisa', () => {
    // ₹1,00,000.00 = 1,00,00,000 paise, accepted 01/05/2024, due by written agreement on
    // 31/05/2024, so interest runs from 01/06/2024. The Bank Rate then was 6.75% (since
    // 08/02/2023), so the rate is 3 × 6.75% = 20.25% a year. On 14/08/2024 the invoice is 75
    // days overdue: two full months (01/06-30/06, 01/07-31/07) and 14 days (01/08-14/08).
    //   Month 1: 10,000,000 × 2025 / 120,000 = 168,750.00         -> 168,750; balance 10,168,750
    //   Month 2: 10,168,750 × 2025 / 120,000 = 171,597.65625      -> 171,598; balance 10,340,348
    //   14 days: 10,340,348 × 2025 × 14 / 3,650,000 = 80,314.7577 -> 80,315;  balance 10,420,663
    //   Interest: 10,420,663 - 10,000,000 = 420,663 paise = ₹4,206.63
    const result = msmedInterest({ principalMinor: 10_000_000, acceptanceDate: '2024-05-01', agreedDueDate: '2024-05-31', asOf: '2024-08-14', bankRates: rbiBankRates });
    expect(result).toEqual({
      interestMinor: 420_663,
      lastDayToPay: '2024-05-31',
      interestFrom: '2024-06-01',
      bankRateBasisPoints: 675,
      annualRateBasisPoints: 2025,
      fullMonths: 2,
      remainingDays: 14,
    });
  });

  it('uses the Bank Rate in force on the first day of interest', () => {
    // From 01/03/2025 the Bank Rate was 6.50% (since 07/02/2025): 19.50% a year. One full
    // month to 31/03/2025: 10,000,000 × 1950 / 120,000 = 162,500 paise exactly.
    const result = msmedInterest({ principalMinor: 10_000_000, acceptanceDate: '2025-02-01', agreedDueDate: '2025-02-28', asOf: '2025-03-31', bankRates: rbiBankRates });
    expect(result?.annualRateBasisPoints).toBe(1950);
    expect(result?.fullMonths).toBe(1);
    expect(result?.remainingDays).toBe(0);
    expect(result?.interestMinor).toBe(162_500);
  });

  it('starts after 15 days from acceptance without a written agreement', () => {
    // Accepted 01/03/2024: the 15 days are 02/03-16/03, so interest runs from 17/03/2024.
    expect(msmedLastDayToPay('2024-03-01', null)).toBe('2024-03-16');
    const result = msmedInterest({ principalMinor: 10_000_000, acceptanceDate: '2024-03-01', agreedDueDate: null, asOf: '2024-03-16', bankRates: rbiBankRates });
    expect(result?.interestFrom).toBe('2024-03-17');
    expect(result?.interestMinor).toBe(0);
  });

  it('caps an agreed period at 45 days from acceptance', () => {
    expect(msmedLastDayToPay('2024-01-01', '2024-03-31')).toBe('2024-02-15');
    expect(msmedLastDayToPay('2024-01-01', '2024-01-31')).toBe('2024-01-31');
  });

  it('charges one day of interest on the first day', () => {
    // 10,000,000 × 2025 × 1 / 3,650,000 = 5,547.945… -> 5,548 paise.
    const result = msmedInterest({ principalMinor: 10_000_000, acceptanceDate: '2024-05-01', agreedDueDate: '2024-05-31', asOf: '2024-06-01', bankRates: rbiBankRates });
    expect(result?.interestMinor).toBe(5_548);
  });

  it('returns null before the first Bank Rate in the table', () => {
    expect(msmedInterest({ principalMinor: 100, acceptanceDate: '2018-01-01', agreedDueDate: '2018-01-31', asOf: '2018-06-01', bankRates: rbiBankRates })).toBeNull();
  });

  it('appears in a reminder with its legal basis', () => {
    // Due 01/12/2025, interest from 02/12/2025 at 3 × 5.75% = 17.25% (the 5.50% rate starts
    // 05/12/2025, after the first day). To 05/01/2026: one month (02/12-01/01) and 4 days.
    //   Month: 10,000,000 × 1725 / 120,000 = 143,750 -> balance 10,143,750
    //   4 days: 10,143,750 × 1725 × 4 / 3,650,000 = 19,175.856… -> 19,176
    //   Interest: 162,926 paise = ₹1,629.26
    const settingsInput = { ...plainSettingsInput, lateFee: { kind: 'msmed' as const } };
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-12-01', 10_000_000)], settingsInput }), mondayMorningIst);
    expect(plan.messages[0]?.stepId).toBe('overdue-30');
    expect(plan.messages[0]?.body).toContain('Interest under section 16 of the MSMED Act, 2006 up to 05/01/2026: ₹1,629.26.');
  });
});

describe('simple interest', () => {
  it('computes actual/365 on the days overdue after grace', () => {
    // ₹50,000.00 at 18% for 50 - 5 = 45 days: 5,000,000 × 1800 × 45 / 3,650,000 = 110,958.904…
    // -> 110,959 paise = ₹1,109.59.
    const settings = lateFeeSettingsSchema.parse({ kind: 'simple', annualRateBasisPoints: 1800, graceDays: 5 });
    const overdue = invoice(1, 1, '2025-11-16', 5_000_000);
    expect(lateFeeFor(settings, overdue, 5_000_000, '2026-01-05')).toEqual({ kind: 'simple', amountMinor: 110_959 });
  });

  it('rounds half a paisa up', () => {
    // 73 × 5000 × 5 / 3,650,000 = 0.5 -> 1.
    expect(simpleInterest(73, 5_000, 5)).toBe(1);
    expect(simpleInterest(72, 5_000, 5)).toBe(0);
  });

  it('charges nothing within the grace days', () => {
    const settings = lateFeeSettingsSchema.parse({ kind: 'simple', annualRateBasisPoints: 1800, graceDays: 5 });
    expect(lateFeeFor(settings, invoice(1, 1, '2025-12-31', 5_000_000), 5_000_000, '2026-01-05')).toBeNull();
  });
});

describe('penal charges for lenders', () => {
  const percent = lateFeeSettingsSchema.parse({ kind: 'penal', charge: { type: 'percent', basisPoints: 200 } });

  it('charges a percentage of the overdue amount once, whatever the days overdue', () => {
    // 2% of ₹50,000.00 = ₹1,000.00 = 100,000 paise, at 10 days and at 100 days alike.
    const loanEmi = invoice(1, 1, '2025-12-26', 5_000_000);
    expect(lateFeeFor(percent, loanEmi, 5_000_000, '2026-01-05')).toEqual({ kind: 'penal', amountMinor: 100_000 });
    expect(lateFeeFor(percent, loanEmi, 5_000_000, '2026-04-05')).toEqual({ kind: 'penal', amountMinor: 100_000 });
  });

  it('charges a fixed amount in the invoice currency only', () => {
    const fixed = lateFeeSettingsSchema.parse({ kind: 'penal', charge: { type: 'fixed', amountMinor: 50_000, currency: 'INR' } });
    expect(lateFeeFor(fixed, invoice(1, 1, '2025-12-26', 5_000_000), 5_000_000, '2026-01-05')).toEqual({ kind: 'penal', amountMinor: 50_000 });
    expect(lateFeeFor(fixed, invoice(2, 1, '2025-12-26', 5_000_000, { currency: 'USD' }), 5_000_000, '2026-01-05')).toBeNull();
  });

  it('does not grow between reminders', () => {
    const settingsInput = { ...plainSettingsInput, lateFee: { kind: 'penal' as const, charge: { type: 'percent' as const, basisPoints: 200 } } };
    const at = (due: string) => planReminders(planInput({ invoices: [invoice(1, 1, due, 5_000_000)], settingsInput }), mondayMorningIst).messages[0]?.body;
    expect(at('2025-12-29')).toContain('Penal charges on the overdue amount up to 05/01/2026: ₹1,000.00.');
    expect(at('2025-09-27')).toContain('Penal charges on the overdue amount up to 05/01/2026: ₹1,000.00.');
  });

  it('rounds a percentage half up', () => {
    // 1.5% of 100 paise = 1.5 -> 2.
    expect(penalCharge({ type: 'percent', basisPoints: 150 }, 100)).toBe(2);
  });
});

describe('late-fee arithmetic', () => {
  it('clamps month ends when adding months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });

  it('rounds half up', () => {
    expect(divideRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divideRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divideRoundHalfUp(15n, 10n)).toBe(2n);
  });

  it('looks up the Bank Rate in force on a date', () => {
    expect(bankRateOn(rbiBankRates, '2023-02-07')?.basisPoints).toBe(650);
    expect(bankRateOn(rbiBankRates, '2023-02-08')?.basisPoints).toBe(675);
    expect(bankRateOn(rbiBankRates, '2025-12-05')?.basisPoints).toBe(550);
  });
});
