import { ImportError } from '../errors';

/** A Tally object (GROUP, LEDGER, VOUCHER …) as a small element tree, built one object at a time. */
export interface TallyElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: TallyElement[];
  text: string;
}

export function child(element: TallyElement, name: string): TallyElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

export function childrenNamed(element: TallyElement, name: string): TallyElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}

/** Trimmed text of the first child with that name, or null when absent or empty. */
export function childText(element: TallyElement, name: string): string | null {
  const text = child(element, name)?.text.trim() ?? '';
  return text === '' ? null : text;
}

/** Texts of every element at the end of a path of child names, such as LEDMAILINGDETAILS.LIST/ADDRESS.LIST/ADDRESS. */
export function textsAt(element: TallyElement, path: readonly string[]): string[] {
  let level: TallyElement[] = [element];
  for (const name of path) level = level.flatMap((parent) => childrenNamed(parent, name));
  return level.map((found) => found.text.trim()).filter((text) => text !== '');
}

/** The object types read from a Tally export; everything else is skipped without building a tree. */
const objectNames = new Set(['GROUP', 'LEDGER', 'VOUCHER', 'VOUCHERTYPE']);

/**
 * Builds element trees for the objects directly under TALLYMESSAGE and passes each complete one
 * to `onObject`. Checks that the document is a Tally ENVELOPE.
 */
export class TallyObjectBuilder {
  private depth = 0;
  private messageDepth = -1;
  private stack: TallyElement[] = [];
  private sawEnvelope = false;
  sawMessage = false;
  objectCount = 0;

  constructor(
    private readonly maxTextChars: number,
    private readonly onObject: (element: TallyElement, index: number) => void,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.depth++;
    if (this.depth === 1) {
      if (name !== 'ENVELOPE') {
        throw new ImportError('NOT_TALLY_XML', `The XML file starts with <${name}>, not the <ENVELOPE> of a Tally export: export the Day Book or masters from Tally as XML.`);
      }
      this.sawEnvelope = true;
    }
    if (name === 'TALLYMESSAGE') {
      this.messageDepth = this.depth;
      this.sawMessage = true;
      return;
    }
    const building = this.stack.length > 0;
    if (!building && !(this.depth === this.messageDepth + 1 && objectNames.has(name))) return;
    const element: TallyElement = { name, attributes, children: [], text: '' };
    this.stack.at(-1)?.children.push(element);
    this.stack.push(element);
  }

  text(text: string): void {
    const current = this.stack.at(-1);
    if (current === undefined) return;
    if (current.text.length + text.length > this.maxTextChars) {
      throw new ImportError('FIELD_TOO_LARGE', `Element <${current.name}> is longer than ${this.maxTextChars} characters, which is not Tally data: check that the file is a Tally export.`);
    }
    current.text += text;
  }

  close(): void {
    if (this.depth === this.messageDepth) this.messageDepth = -1;
    this.depth--;
    const element = this.stack.pop();
    if (element !== undefined && this.stack.length === 0) {
      this.objectCount++;
      this.onObject(element, this.objectCount);
    }
  }

  assertComplete(): void {
    if (!this.sawEnvelope || !this.sawMessage) {
      throw new ImportError('NOT_TALLY_XML', 'The XML file has no Tally objects (no TALLYMESSAGE): export the Day Book, Ledger masters or All Masters from Tally as XML.');
    }
  }
}
