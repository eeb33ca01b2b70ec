import type { LanguagePack } from './language-pack';

const closing = `सादर,
{business_name}{#business_phone}
{business_phone}{/business_phone}{#business_email}
{business_email}{/business_email}`;

const paymentBlock = `{#payment_details}{payment_details}

{/payment_details}`;

const lateFeeBlock = `{#late_fee_total}{today} तक {late_fee_basis}: {late_fee_total}।

{/late_fee_total}`;

const alreadyPaid = 'यदि आप भुगतान कर चुके हैं, तो कृपया भुगतान का संदर्भ (UTR या चेक नंबर) भेज दें, ताकि हम अपना रिकॉर्ड अपडेट कर सकें।';

/** Hindi reminders in Devanagari, in the formal आप form used in business letters. */
export const hindiPack: LanguagePack = {
  name: 'हिन्दी',
  invoiceLine: '- बिल संख्या {invoice_number}, दिनांक {invoice_date}: {balance}, {status}',
  statusPhrases: {
    upcoming: '{due_date} को देय',
    dueToday: 'आज देय',
    overdueOneDay: '{due_date} को देय था, 1 दिन की देरी',
    overdue: '{due_date} को देय था, {days_overdue} दिन की देरी',
  },
  paymentLabels: {
    heading: 'भुगतान विवरण',
    upiId: 'UPI आईडी',
    accountName: 'खाताधारक का नाम',
    accountNumber: 'खाता संख्या',
    bankName: 'बैंक',
    ifsc: 'IFSC कोड',
  },
  lateFeeLabels: {
    msmed: 'एमएसएमईडी अधिनियम, 2006 की धारा 16 के अंतर्गत ब्याज',
    simple: 'बकाया राशि पर ब्याज',
    penal: 'बकाया राशि पर दंडात्मक शुल्क',
  },
  fallbackContactName: 'महोदय/महोदया',
  templates: {
    'upcoming': {
      subject: '{business_name} की ओर से भुगतान अनुस्मारक: {amount_due}, देय तिथि {due_date}',
      body: `आदरणीय {contact_name},

नमस्कार। यह विनम्र अनुस्मारक है कि {business_name} को {amount_due} का भुगतान {due_date} को देय है:

{invoice_list}

${paymentBlock}यदि आपने भुगतान की व्यवस्था कर ली है, तो धन्यवाद। कृपया इस संदेश को अनदेखा करें।

${closing}`,
      short: 'आदरणीय {contact_name}, {business_name} की ओर से विनम्र अनुस्मारक: बिल {invoice_numbers} के {amount_due} का भुगतान {due_date} को देय है।{#upi_id} UPI: {upi_id}।{/upi_id} धन्यवाद।',
    },
    'due-today': {
      subject: 'आज देय भुगतान: {business_name} को {amount_due}',
      body: `आदरणीय {contact_name},

{business_name} को {amount_due} का भुगतान आज, {due_date} को देय है:

{invoice_list}

${paymentBlock}यदि आप भुगतान कर चुके हैं, तो धन्यवाद। कृपया इस संदेश को अनदेखा करें।

${closing}`,
      short: 'आदरणीय {contact_name}, {business_name} के बिल {invoice_numbers} के {amount_due} का भुगतान आज देय है।{#upi_id} UPI: {upi_id}।{/upi_id} धन्यवाद।',
    },
    'overdue-polite': {
      subject: 'बकाया भुगतान: {business_name} को {amount_due}',
      body: `आदरणीय {contact_name},

हमारे रिकॉर्ड के अनुसार {business_name} को निम्नलिखित भुगतान की देय तिथि निकल चुकी है:

{invoice_list}

देय राशि: {amount_due}

आपसे अनुरोध है कि सुविधानुसार शीघ्र भुगतान करने की कृपा करें।

${lateFeeBlock}${paymentBlock}${alreadyPaid} किसी बिल के बारे में कोई प्रश्न हो, तो कृपया हमें बताएँ।

${closing}`,
      short: 'आदरणीय {contact_name}, {business_name} के बिल {invoice_numbers} के {amount_due} का भुगतान {due_date} को देय था और अभी बाकी है। कृपया सुविधानुसार शीघ्र भुगतान करें।{#upi_id} UPI: {upi_id}।{/upi_id} भुगतान हो चुका हो, तो कृपया संदर्भ भेजें।',
    },
    'overdue-neutral': {
      subject: '{days_overdue} दिन से बकाया भुगतान: {amount_due}',
      body: `आदरणीय {contact_name},

{business_name} को निम्नलिखित भुगतान देय तिथि {due_date} के {days_overdue} दिन बाद भी बाकी है:

{invoice_list}

देय राशि: {amount_due}

कृपया भुगतान करें, या हमें बताएँ कि भुगतान कब तक होगा।

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'आदरणीय {contact_name}, {business_name} के बिल {invoice_numbers} के {amount_due} का भुगतान {days_overdue} दिन से बाकी है। कृपया भुगतान करें या बताएँ कि कब तक होगा।{#upi_id} UPI: {upi_id}।{/upi_id}',
    },
    'overdue-firm': {
      subject: 'भुगतान का अनुरोध: {due_date} से बकाया {amount_due}',
      body: `आदरणीय {contact_name},

पिछले अनुस्मारकों के बावजूद निम्नलिखित राशि देय तिथि {due_date} के {days_overdue} दिन बाद भी बाकी है:

{invoice_list}

देय राशि: {amount_due}

कृपया अगले 7 दिनों के भीतर भुगतान करें। यदि यह संभव न हो, तो कृपया हमें फ़ोन करें, ताकि हम मिलकर भुगतान की तिथि तय कर सकें।

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'आदरणीय {contact_name}, पिछले अनुस्मारकों के बावजूद {business_name} के बिल {invoice_numbers} के {amount_due} देय तिथि के {days_overdue} दिन बाद भी बाकी हैं। कृपया 7 दिनों में भुगतान करें या तिथि तय करने के लिए हमें फ़ोन करें।{#upi_id} UPI: {upi_id}।{/upi_id}',
    },
    'final-notice': {
      subject: 'अंतिम अनुस्मारक: {due_date} से बकाया {amount_due}',
      body: `आदरणीय {contact_name},

यह निम्नलिखित राशि के बारे में हमारा अंतिम अनुस्मारक है, जो {due_date} से, यानी {days_overdue} दिनों से बकाया है:

{invoice_list}

देय राशि: {amount_due}
आपके खाते में कुल बकाया: {total_outstanding}

हम आपके साथ अपने व्यापारिक संबंध को महत्व देते हैं और इस मामले को मिलकर सुलझाना चाहते हैं। कृपया इस संदेश के 7 दिनों के भीतर भुगतान करें, या भुगतान योजना तय करने के लिए हमसे संपर्क करें।

${lateFeeBlock}${paymentBlock}${alreadyPaid}

${closing}`,
      short: 'आदरणीय {contact_name}, {business_name} की ओर से अंतिम अनुस्मारक: बिल {invoice_numbers} के {amount_due} {days_overdue} दिनों से बकाया हैं। कृपया 7 दिनों में भुगतान करें या भुगतान योजना तय करने के लिए हमें फ़ोन करें।{#upi_id} UPI: {upi_id}।{/upi_id}',
    },
  },
};
