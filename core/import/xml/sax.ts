import { SaxesParser } from 'saxes';
import { ImportError } from '../errors';

export interface XmlHandlers {
  /** Called with the local name (prefix removed) and the attributes of each start tag. */
  readonly open?: (name: string, attributes: Readonly<Record<string, string>>) => void;
  readonly text?: (text: string) => void;
  readonly close?: (name: string) => void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * A streaming XML parser (saxes, XML 1.0, no namespace processing) that reports local names and
 * turns syntax errors into `ImportError`s naming `what` and the line.
 */
export class XmlStream {
  private readonly parser = new SaxesParser({ position: true });
  private failure: Error | null = null;

  constructor(
    private readonly what: string,
    handlers: XmlHandlers,
  ) {
    const { open, text, close } = handlers;
    if (open) this.parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
    if (text) {
      this.parser.on('text', text);
      this.parser.on('cdata', text);
    }
    if (close) this.parser.on('closetag', (tag) => close(localName(tag.name)));
    this.parser.on('error', (error) => {
      this.failure ??= error;
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
    this.throwIfFailed();
  }

  /** Ends the document. An unclosed element means the file was cut off. */
  close(): void {
    this.parser.close();
    this.throwIfFailed();
  }

  get line(): number {
    return this.parser.line;
  }

  private throwIfFailed(): void {
    if (this.failure === null) return;
    const message = this.failure.message;
    if (/unclosed tag|unexpected end/i.test(message)) {
      throw new ImportError(
        'TRUNCATED_FILE',
        `${this.what} ends before its XML is complete (${message}), so the file is cut off: export or copy it again.`,
        { line: this.parser.line },
      );
    }
    throw new ImportError('INVALID_XML', `${this.what} is not valid XML (${message}): export it again.`, { line: this.parser.line });
  }
}
