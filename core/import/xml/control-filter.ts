/**
 * Control characters that XML 1.0 forbids (all below U+0020 except tab, line feed and carriage
 * return), as raw characters or as references such as `&#4;`. Tally writes both, for example
 * `Default\x05Voucher\x05Class` and `&#4; Not Applicable`, and strict parsers reject them.
 */
// eslint-disable-next-line no-control-regex -- matching these characters is the purpose of the filter.
const rawControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const controlReferences = /&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01])|x0*(?:[0-8]|[bcef]|1[0-9a-f]));/gi;
/** Maximum length of a reference held back at a chunk boundary ("&#x0001f;" is 9 characters). */
const maxReferenceChars = 12;

/** Counts of what the filter removed, for the import's problems list. */
export interface ControlFilterCounts {
  raw: number;
  references: number;
}

/**
 * Removes forbidden control characters and their references from streamed XML text. A reference
 * cut by a chunk boundary is held back until the next chunk completes it.
 */
export class XmlControlFilter {
  private carry = '';
  readonly counts: ControlFilterCounts = { raw: 0, references: 0 };

  push(chunk: string): string {
    let text = this.carry + chunk;
    this.carry = '';
    const ampersand = text.lastIndexOf('&');
    if (ampersand !== -1 && text.length - ampersand < maxReferenceChars && !text.includes(';', ampersand)) {
      this.carry = text.slice(ampersand);
      text = text.slice(0, ampersand);
    }
    return this.clean(text);
  }

  end(): string {
    const rest = this.clean(this.carry);
    this.carry = '';
    return rest;
  }

  private clean(text: string): string {
    return text
      .replace(controlReferences, () => {
        this.counts.references++;
        return '';
      })
      .replace(rawControls, () => {
        this.counts.raw++;
        return '';
      });
  }
}
