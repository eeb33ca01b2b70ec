/**
 * A small MIME reader for the messages the test SMTP server captures: headers with RFC 2047
 * encoded words, multipart bodies, and quoted-printable or base64 parts. It reads what
 * nodemailer writes, not every message a mail client could meet.
 */
export interface ParsedMail {
  readonly headers: ReadonlyMap<string, string>;
  /** The first text/plain part, decoded. */
  readonly text: string;
  readonly attachments: readonly { readonly filename: string; readonly contentType: string; readonly content: Buffer }[];
}

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g, (_match, _charset: string, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    return decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8');
  });
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const char = joined[index] ?? '';
    const hex = joined.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function splitPart(raw: string): Part {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function parameter(header: string | undefined, name: string): string | null {
  const match = new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header ?? '');
  return match?.[1] ?? null;
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return Buffer.from(part.body, 'utf8');
}

function leaves(part: Part): Part[] {
  const boundary = parameter(part.headers.get('content-type'), 'boundary');
  if (boundary === null) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections.filter((section) => !section.startsWith('--')).flatMap((section) => leaves(splitPart(section.replace(/^\r\n/, '').replace(/\r\n$/, ''))));
}

export function parseMail(raw: string): ParsedMail {
  const root = splitPart(raw);
  const parts = leaves(root);
  const isAttachment = (part: Part) => /attachment/i.test(part.headers.get('content-disposition') ?? '');
  const textPart = parts.find((part) => !isAttachment(part) && /text\/plain/i.test(part.headers.get('content-type') ?? 'text/plain'));
  return {
    headers: root.headers,
    text: textPart === undefined ? '' : decodeBody(textPart).toString('utf8'),
    attachments: parts.filter(isAttachment).map((part) => ({
      filename: parameter(part.headers.get('content-disposition'), 'filename') ?? '',
      contentType: (part.headers.get('content-type') ?? '').split(';')[0] ?? '',
      content: decodeBody(part),
    })),
  };
}
