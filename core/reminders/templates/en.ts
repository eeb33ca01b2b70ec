import type { LanguagePack } from './language-pack';

const closing = `Regards,
{business_name}{#business_phone}
{business_phone}{/business_phone}{#business_email}
{business_email}{/business_email}`;

const paymentBlock = `{#payment_details}{payment_details}

{/payment_details}`;

const lateFeeBlock = `{#late_fee_total}{late_fee_basis} up to {today}: {late_fee_total}.

{/late_fee_total}`;

const alreadyPaid = 'If you have already paid, please send us the payment reference (UTR or cheque number) so that we can update our records.';

/** English reminders. Firm and final texts ask for payment or a call, and none threatens. */
export const englishPack: LanguagePack = {
  name: 'English',
  invoiceLine: '- Invoice {invoice_number} dated {invoice_date}: {balance}, {status}',
  statusPhrases: {
    upcoming: 'due on {due_date}',
    dueToday: 'due today',
    overdueOneDay: 'due on {due_date}, 1 day overdue',
    overdue: 'due on {due_date}, {days_overdue} days overdue',
  },
  paymentLabels: {
    heading: 'Payment details',
    upiId: 'UPI ID',
    accountName: 'Account name',
    accountNumber: 'Account number',
    bankName: 'Bank',
    ifsc: 'IFSC',
  },
  lateFeeLabels: {
    msmed: 'Interest under section 16 of the MSMED Act, 2006',
    simple: 'Interest on the overdue amount',
    penal: 'Penal charges on the overdue amount',
  },
  fallbackContactName: 'Sir/Madam',
  templates: {
    'upcoming': {
      subject: 'Payment reminder from {business_name}: {amount_due} due on {due_date}',
      body: `Dear {contact_name},

This is a friendly reminder that a payment of {amount_due} to {business_name} falls due on {due_date}:

{invoice_list}

${paymentBlock}If you have already arranged the payment, thank you, and please ignore this message.

${closing}`,
      short: 'Dear {contact_name}, a friendly reminder from {business_name}: {amount_due} for {invoice_numbers} is due on {due_date}.{#upi_id} UPI: {upi_id}.{/upi_id} Thank you.',
    },
    'due-today': {
      subject: 'Payment due today: {amount_due} to {business_name}',
      body: `Dear {contact_name},

A payment of {amount_due} to {business_name} is due today, {due_date}:

{invoice_list}

${paymentBlock}If you have already paid, thank you, and please ignore this message.

${closing}`,
      short: 'Dear {contact_name}, {amount_due} for {invoice_numbers} from {business_name} is due today.{#upi_id} UPI: {upi_id}.{/upi_id} Thank you.',
    },
    'overdue-polite': {
      subject: 'Overdue payment: {amount_due} to {business_name}',
      body: `Dear {contact_name},

Our records show that the following payment to {business_name} is now overdue:

{invoice_list}

Amount due: {amount_due}

We would be grateful if you could arrange the payment at your earliest convenience.

${lateFeeBlock}${paymentBlock}${alreadyPaid} If there is a query on any invoice, please let us know.

${closing}`,
      short: 'Dear {contact_name}, {amount_due} for {invoice_numbers} from {business_name} was due on {due_date} and is still unpaid. Please arrange the payment at your earliest convenience.{#upi_id} UPI: {upi_id}.{/upi_id} If already paid, please share the reference.',
    },
    'overdue-neutral': {
      subject: 'Payment overdue by {days_overdue} days: {amount_due}',
      body: `Dear {contact_name},

The following payment to {business_name} is {days_overdue} days past its due date of {due_date}:

{invoice_list}

Amount due: {amount_due}

Please arrange the payment, or let us know when we can expect it.

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'Dear {contact_name}, {amount_due} for {invoice_numbers} from {business_name} is {days_overdue} days overdue. Please arrange the payment or tell us when to expect it.{#upi_id} UPI: {upi_id}.{/upi_id}',
    },
    'overdue-firm': {
      subject: 'Payment request: {amount_due} overdue since {due_date}',
      body: `Dear {contact_name},

Despite our earlier reminders, the following amount remains unpaid {days_overdue} days after its due date of {due_date}:

{invoice_list}

Amount due: {amount_due}

Please make the payment within the next 7 days. If that is not possible, please call us so that we can agree on a payment date together.

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'Dear {contact_name}, despite earlier reminders, {amount_due} for {invoice_numbers} from {business_name} remains unpaid {days_overdue} days after the due date. Please pay within 7 days or call us to agree on a date.{#upi_id} UPI: {upi_id}.{/upi_id}',
    },
    'final-notice': {
      subject: 'Final reminder: {amount_due} overdue since {due_date}',
      body: `Dear {contact_name},

This is our final reminder about the following amount, which has been outstanding for {days_overdue} days since {due_date}:

{invoice_list}

Amount due: {amount_due}
Total outstanding on your account: {total_outstanding}

We value our business with you and would like to settle this together. Please pay the amount, or contact us to agree on a payment plan, within 7 days of this message.

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'Dear {contact_name}, final reminder from {business_name}: {amount_due} for {invoice_numbers} has been overdue for {days_overdue} days. Please pay or call us to agree on a payment plan within 7 days.{#upi_id} UPI: {upi_id}.{/upi_id}',
    },
  },
};
