import { customerInputSchema } from '../../core/contract/customers';
import { isKnownCurrency } from '../../core/ledger/currency';
import { parseDecimalToMinor } from '../../core/ledger/money';
import { ServiceError } from '../services/errors';
import { unlockLedgerAt, type CliContext } from './context';
import { UsageError } from './secrets';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

function text(options: OptionValues, name: string): string | null {
  const value = options[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function list(options: OptionValues, name: string): string[] {
  const value = options[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** `customer add --ledger PATH --name NAME [...]`: adds one customer and prints its id. */
export async function customerAdd(context: CliContext, options: OptionValues): Promise<void> {
  const name = text(options, 'name');
  if (name === null) throw new UsageError('customer add needs --name NAME.');
  const currency = (text(options, 'currency') ?? 'INR').toUpperCase();
  if (!isKnownCurrency(currency)) throw new UsageError(`--currency "${currency}" is not a known ISO 4217 code such as INR or USD.`);
  const limitText = text(options, 'credit-limit');
  const creditLimitMinor = limitText === null ? null : parseDecimalToMinor(limitText, currency);
  if (limitText !== null && creditLimitMinor === null) {
    throw new UsageError(`--credit-limit "${limitText}" is not an amount: write it like 100000 or 1,00,000.50.`);
  }
  const termsText = text(options, 'terms');
  const paymentTermsDays = termsText === null ? null : Number(termsText);
  if (paymentTermsDays !== null && (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0)) {
    throw new UsageError(`--terms "${termsText}" is not a whole number of days.`);
  }
  const parsed = customerInputSchema.safeParse({
    name,
    externalRef: text(options, 'code'),
    gstin: text(options, 'gstin'),
    pan: text(options, 'pan'),
    address: text(options, 'address'),
    segment: text(options, 'segment'),
    creditLimitMinor,
    creditLimitCurrency: creditLimitMinor === null ? null : currency,
    paymentTermsDays,
    contacts: [
      ...list(options, 'email').map((value) => ({ kind: 'email' as const, value })),
      ...list(options, 'phone').map((value) => ({ kind: 'phone' as const, value })),
    ],
  });
  if (!parsed.success) {
    throw new ServiceError('invalid_input', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' '));
  }
  await unlockLedgerAt(context, text(options, 'ledger') ?? undefined);
  const customer = await context.services.customers.add(parsed.data);
  context.output(customer, [`Added customer ${customer.id}.`]);
}
