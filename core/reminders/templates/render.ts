/**
 * Reminder template syntax:
 * - `{name}` inserts a placeholder's value;
 * - `{#name}…{/name}` keeps the enclosed text only when the placeholder's value is not empty,
 *   so a template can leave out a UPI line or a late-fee sentence that does not apply;
 * - `{{` and `}}` write literal braces.
 * Sections do not nest. Placeholder names are checked against a fixed list, so a typo fails
 * when the template is saved instead of sending a message with a gap.
 */

type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly name: string }
  | { readonly kind: 'section'; readonly name: string; readonly children: readonly TemplateNode[] };

/** Raised for a template that names unknown placeholders or has unbalanced braces or sections. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    /** Where the template is, for example `en/overdue-firm/body`. */
    readonly location: string,
    readonly unknownPlaceholders: readonly string[] = [],
  ) {
    super(message);
  }
}

const tokenPattern = /\{\{|\}\}|\{([#/]?)([^{}]*)\}|[{}]/g;

/** Parses a template and throws TemplateError naming every unknown placeholder at once. */
export function parseTemplate(source: string, allowed: Iterable<string>, location: string): readonly TemplateNode[] {
  const allowedNames = new Set(allowed);
  const root: TemplateNode[] = [];
  let open: { name: string; children: TemplateNode[] } | null = null;
  const unknown: string[] = [];
  let textStart = 0;

  const pushText = (text: string) => {
    if (text !== '') (open?.children ?? root).push({ kind: 'text', text });
  };

  for (const match of source.matchAll(tokenPattern)) {
    const index = match.index;
    pushText(source.slice(textStart, index));
    textStart = index + match[0].length;
    if (match[0] === '{{') { pushText('{'); continue; }
    if (match[0] === '}}') { pushText('}'); continue; }
    if (match[0] === '{' || match[0] === '}') {
      throw new TemplateError(`Unbalanced "${match[0]}" at character ${index + 1} in ${location}: write {{ or }} for a literal brace.`, location);
    }

    const marker = match[1] ?? '';
    const name = (match[2] ?? '').trim();
    if (!allowedNames.has(name) && !unknown.includes(name)) unknown.push(name);

    if (marker === '#') {
      if (open !== null) throw new TemplateError(`Section {#${name}} opens inside {#${open.name}} in ${location}: sections cannot nest.`, location);
      open = { name, children: [] };
    } else if (marker === '/') {
      if (open === null || open.name !== name) {
        throw new TemplateError(`Closing {/${name}} in ${location} does not match ${open === null ? 'any open section' : `{#${open.name}}`}.`, location);
      }
      root.push({ kind: 'section', name, children: open.children });
      open = null;
    } else {
      (open?.children ?? root).push({ kind: 'value', name });
    }
  }
  pushText(source.slice(textStart));

  if (open !== null) throw new TemplateError(`Section {#${open.name}} in ${location} is never closed with {/${open.name}}.`, location);
  if (unknown.length > 0) throw unknownPlaceholderError(unknown, allowedNames, location);
  return root;
}

function unknownPlaceholderError(unknown: readonly string[], allowed: ReadonlySet<string>, location: string): TemplateError {
  const names = unknown.map((name) => `{${name}}`).join(', ');
  const known = [...allowed].map((name) => `{${name}}`).join(', ');
  const noun = unknown.length === 1 ? 'placeholder' : 'placeholders';
  return new TemplateError(`Unknown ${noun} ${names} in ${location}. Known placeholders: ${known}.`, location, unknown);
}

/** Renders parsed nodes; a placeholder missing from `values` renders as empty text. */
export function renderNodes(nodes: readonly TemplateNode[], values: Readonly<Record<string, string>>): string {
  let output = '';
  for (const node of nodes) {
    if (node.kind === 'text') output += node.text;
    else if (node.kind === 'value') output += values[node.name] ?? '';
    else if ((values[node.name] ?? '') !== '') output += renderNodes(node.children, values);
  }
  return output;
}

/** Parses and renders a template in one call; throws TemplateError as parseTemplate does. */
export function renderTemplate(
  source: string,
  allowed: Iterable<string>,
  values: Readonly<Record<string, string>>,
  location: string,
): string {
  return renderNodes(parseTemplate(source, allowed, location), values);
}

/** Returns the template's problem as a message, or null when it is valid. */
export function checkTemplate(source: string, allowed: Iterable<string>, location: string): string | null {
  try {
    parseTemplate(source, allowed, location);
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
}
