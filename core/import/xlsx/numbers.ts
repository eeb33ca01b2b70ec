/** Significant digits Excel keeps and shows; the digits after them are binary floating-point noise. */
const excelSignificantDigits = 15;

/**
 * Rewrites a number as stored in a sheet (shortest round-trip text such as "55.940000000000005" or
 * "1.5E-3") as plain decimal text rounded to 15 significant digits, using string arithmetic only.
 * Returns the input unchanged when it is not a number.
 */
export function excelNumberText(stored: string): string {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(stored.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return stored;
  const sign = match[1] === '-' ? '-' : '';
  const wholeDigits = match[2] ?? '';
  const fractionDigits = match[3] ?? '';
  const exponent = Number(match[4] ?? '0');

  // All digits with the decimal point position counted from the left.
  let digits = wholeDigits + fractionDigits;
  let point = wholeDigits.length + exponent;
  const leadingZeros = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leadingZeros);
  point -= leadingZeros;
  if (digits === '' || /^0+$/.test(digits)) return '0';

  if (digits.length > excelSignificantDigits) {
    const roundUp = Number(digits.charAt(excelSignificantDigits)) >= 5;
    let kept = digits.slice(0, excelSignificantDigits);
    if (roundUp) {
      const incremented = (BigInt(kept) + 1n).toString();
      if (incremented.length > kept.length) point++;
      kept = incremented.slice(0, excelSignificantDigits);
    }
    digits = kept;
  }
  digits = digits.replace(/0+$/, '');

  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + text;
}
