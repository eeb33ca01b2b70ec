/**
 * Builds a WhatsApp click-to-chat link, `https://wa.me/<number>?text=<text>`, in which the number
 * is in international form with digits only (no +, spaces or leading zeros).
 */
export function buildWhatsAppLink(phone: string, text: string): string {
  const digits = phone.replace(/[\s()+-]/g, '');
  if (!/^[1-9][0-9]{7,14}$/.test(digits)) {
    throw new RangeError(`Invalid phone number "${phone}" for WhatsApp: use international form with the country code, such as +919812345678.`);
  }
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}

/** Builds an `sms:` link with a prefilled body, in the form of RFC 5724: `sms:+919812345678?body=…`. */
export function buildSmsLink(phone: string, text: string): string {
  const number = phone.replace(/[\s()-]/g, '');
  if (!/^\+?[0-9]{6,15}$/.test(number)) {
    throw new RangeError(`Invalid phone number "${phone}" for SMS: use digits with an optional leading +, such as +919812345678.`);
  }
  return `sms:${number}?body=${encodeURIComponent(text)}`;
}
