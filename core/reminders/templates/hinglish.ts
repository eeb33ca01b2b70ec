import type { LanguagePack } from './language-pack';

const closing = `Dhanyavaad,
{business_name}{#business_phone}
{business_phone}{/business_phone}{#business_email}
{business_email}{/business_email}`;

const paymentBlock = `{#payment_details}{payment_details}

{/payment_details}`;

const lateFeeBlock = `{#late_fee_total}{today} tak {late_fee_basis}: {late_fee_total}.

{/late_fee_total}`;

const alreadyPaid = 'Agar aap payment kar chuke hain, to kripya payment reference (UTR ya cheque number) bhej dijiye, taaki hum apne records update kar sakein.';

/** Hinglish reminders: Hindi written in Latin script, as Indian businesses write on WhatsApp. */
export const hinglishPack: LanguagePack = {
  name: 'Hinglish',
  invoiceLine: '- Invoice {invoice_number} ({invoice_date}): {balance}, {status}',
  statusPhrases: {
    upcoming: '{due_date} ko due',
    dueToday: 'aaj due',
    overdueOneDay: '{due_date} ko due tha, 1 din late',
    overdue: '{due_date} ko due tha, {days_overdue} din late',
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
    msmed: 'MSMED Act, 2006 ki dhara 16 ke tahat byaaj',
    simple: 'Overdue amount par byaaj',
    penal: 'Overdue amount par penal charges',
  },
  fallbackContactName: 'Sir/Madam',
  templates: {
    'upcoming': {
      subject: '{business_name} se payment reminder: {amount_due}, due date {due_date}',
      body: `Namaste {contact_name},

Yeh ek vinamra reminder hai ki {business_name} ko {amount_due} ka payment {due_date} ko due hai:

{invoice_list}

${paymentBlock}Agar aapne payment arrange kar liya hai, to dhanyavaad. Kripya is message ko ignore karein.

${closing}`,
      short: 'Namaste {contact_name}, {business_name} se reminder: invoice {invoice_numbers} ke {amount_due} ka payment {due_date} ko due hai.{#upi_id} UPI: {upi_id}.{/upi_id} Dhanyavaad.',
    },
    'due-today': {
      subject: 'Aaj due payment: {business_name} ko {amount_due}',
      body: `Namaste {contact_name},

{business_name} ko {amount_due} ka payment aaj, {due_date} ko due hai:

{invoice_list}

${paymentBlock}Agar aap payment kar chuke hain, to dhanyavaad. Kripya is message ko ignore karein.

${closing}`,
      short: 'Namaste {contact_name}, {business_name} ke invoice {invoice_numbers} ke {amount_due} ka payment aaj due hai.{#upi_id} UPI: {upi_id}.{/upi_id} Dhanyavaad.',
    },
    'overdue-polite': {
      subject: 'Overdue payment: {business_name} ko {amount_due}',
      body: `Namaste {contact_name},

Hamare records ke anusaar {business_name} ko yeh payment ab overdue hai:

{invoice_list}

Due amount: {amount_due}

Aapse anurodh hai ki suvidha anusaar jald payment kar dein.

${lateFeeBlock}${paymentBlock}${alreadyPaid} Kisi invoice ke baare mein koi sawaal ho, to kripya humein batayein.

${closing}`,
      short: 'Namaste {contact_name}, {business_name} ke invoice {invoice_numbers} ke {amount_due} ka payment {due_date} ko due tha aur abhi baaki hai. Kripya jald payment kar dein.{#upi_id} UPI: {upi_id}.{/upi_id} Payment ho chuka ho to reference bhej dein.',
    },
    'overdue-neutral': {
      subject: 'Payment {days_overdue} din se overdue: {amount_due}',
      body: `Namaste {contact_name},

{business_name} ko yeh payment due date {due_date} ke {days_overdue} din baad bhi baaki hai:

{invoice_list}

Due amount: {amount_due}

Kripya payment kar dein, ya humein bata dein ki payment kab tak hoga.

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'Namaste {contact_name}, {business_name} ke invoice {invoice_numbers} ke {amount_due} ka payment {days_overdue} din se overdue hai. Kripya payment karein ya batayein ki kab tak hoga.{#upi_id} UPI: {upi_id}.{/upi_id}',
    },
    'overdue-firm': {
      subject: 'Payment request: {due_date} se baaki {amount_due}',
      body: `Namaste {contact_name},

Pichhle reminders ke baavjood yeh amount due date {due_date} ke {days_overdue} din baad bhi baaki hai:

{invoice_list}

Due amount: {amount_due}

Kripya agle 7 din mein payment kar dein. Agar yeh sambhav na ho, to kripya humein call karein, taaki hum milkar payment ki date tay kar sakein.

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'Namaste {contact_name}, pichhle reminders ke baavjood {business_name} ke invoice {invoice_numbers} ke {amount_due} due date ke {days_overdue} din baad bhi baaki hain. Kripya 7 din mein payment karein ya date tay karne ke liye humein call karein.{#upi_id} UPI: {upi_id}.{/upi_id}',
    },
    'final-notice': {
      subject: 'Final reminder: {due_date} se baaki {amount_due}',
      body: `Namaste {contact_name},

Yeh neeche diye gaye amount ke baare mein hamara final reminder hai, jo {due_date} se, yaani {days_overdue} din se baaki hai:

{invoice_list}

Due amount: {amount_due}
Aapke account mein kul baaki: {total_outstanding}

Hum aapke saath apne business relationship ki kadar karte hain aur is maamle ko milkar suljhana chahte hain. Kripya is message ke 7 din ke andar payment karein, ya payment plan tay karne ke liye humse sampark karein.

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'Namaste {contact_name}, {business_name} se final reminder: invoice {invoice_numbers} ke {amount_due} {days_overdue} din se baaki hain. Kripya 7 din mein payment karein ya payment plan ke liye humein call karein.{#upi_id} UPI: {upi_id}.{/upi_id}',
    },
  },
};
