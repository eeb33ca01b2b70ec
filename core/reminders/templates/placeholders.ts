/**
 * Placeholders a reminder template may use, with the help text a template editor shows.
 * Amounts are in the invoice's currency with en-IN grouping (₹1,00,000.00); several
 * currencies are joined with " + ". Dates are DD/MM/YYYY.
 */
export const messagePlaceholders = {
  customer_name: 'Customer name as in the ledger.',
  contact_name: 'Name of the contact the message goes to, else the customer name.',
  invoice_count: 'Number of invoices in the message.',
  invoice_numbers: 'Invoice numbers, comma-separated.',
  invoice_list: 'One line per invoice, written with the language\'s invoice line template.',
  amount_due: 'Sum of the unpaid balances of the invoices in the message.',
  total_outstanding: 'Sum of the unpaid balances of all the customer\'s open invoices.',
  due_date: 'Earliest due date among the invoices in the message.',
  days_overdue: 'Days past due of the oldest invoice in the message; 0 when none is overdue.',
  days_to_due: 'Days until the earliest due date; 0 when it has passed.',
  today: 'Date the message is prepared, in the customer\'s time zone.',
  late_fee_total: 'Interest or late charges accrued on the invoices in the message; empty when none.',
  late_fee_basis: 'What the late fee is, for example interest under section 16 of the MSMED Act, 2006.',
  business_name: 'Your business name.',
  business_phone: 'Your phone number.',
  business_email: 'Your e-mail address.',
  upi_id: 'Your UPI ID.',
  bank_account_name: 'Name on your bank account.',
  bank_account_number: 'Your bank account number.',
  bank_name: 'Your bank\'s name.',
  ifsc: 'IFSC of your bank branch.',
  payment_details: 'Your UPI ID and bank details as labelled lines; empty when none is set.',
} as const;

export const invoiceLinePlaceholders = {
  invoice_number: 'Invoice number.',
  invoice_date: 'Invoice date.',
  invoice_amount: 'Invoice amount as issued.',
  balance: 'Unpaid balance of the invoice.',
  due_date: 'Due date of the invoice.',
  days_overdue: 'Days past the due date; 0 when not yet due.',
  days_to_due: 'Days until the due date; 0 when it has passed.',
  status: 'The language\'s phrase for the invoice\'s state, such as "due on 05/01/2026".',
  late_fee: 'Interest or late charge on this invoice; empty when none.',
} as const;

export const statusPlaceholders = {
  due_date: invoiceLinePlaceholders.due_date,
  days_overdue: invoiceLinePlaceholders.days_overdue,
  days_to_due: invoiceLinePlaceholders.days_to_due,
} as const;

export type MessagePlaceholder = keyof typeof messagePlaceholders;
export type InvoiceLinePlaceholder = keyof typeof invoiceLinePlaceholders;
export type StatusPlaceholder = keyof typeof statusPlaceholders;
