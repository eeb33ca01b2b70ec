import { defaultLanguagePacks } from './defaults';
import { mergeLanguagePack, type LanguagePack, type LanguagePackEdit } from './language-pack';
import { invoiceLinePlaceholders, messagePlaceholders, statusPlaceholders } from './placeholders';
import { checkTemplate } from './render';

export interface ResolvedLanguages {
  readonly packs: Readonly<Record<string, LanguagePack>>;
  /** Tags of user-added languages that leave out required fields, so they cannot be used. */
  readonly incomplete: readonly string[];
}

/** Applies the user's language edits to the shipped packs and adds the user's new languages. */
export function resolveLanguagePacks(edits: Readonly<Record<string, LanguagePackEdit>>): ResolvedLanguages {
  const packs: Record<string, LanguagePack> = { ...defaultLanguagePacks };
  const incomplete: string[] = [];
  for (const [tag, edit] of Object.entries(edits)) {
    const merged = mergeLanguagePack(defaultLanguagePacks[tag], edit);
    if (merged === null) incomplete.push(tag);
    else packs[tag] = merged;
  }
  return { packs, incomplete };
}

/** Lists every problem in a language pack's templates, each naming the template and the placeholders at fault. */
export function findLanguagePackProblems(tag: string, pack: LanguagePack): string[] {
  const problems: string[] = [];
  const check = (source: string, allowed: Iterable<string>, location: string) => {
    const problem = checkTemplate(source, allowed, location);
    if (problem !== null) problems.push(problem);
  };
  const messageNames = Object.keys(messagePlaceholders);
  for (const [id, template] of Object.entries(pack.templates)) {
    check(template.subject, messageNames, `${tag}/${id}/subject`);
    check(template.body, messageNames, `${tag}/${id}/body`);
    check(template.short, messageNames, `${tag}/${id}/short`);
  }
  check(pack.invoiceLine, Object.keys(invoiceLinePlaceholders), `${tag}/invoiceLine`);
  for (const [phrase, source] of Object.entries(pack.statusPhrases)) {
    check(source, Object.keys(statusPlaceholders), `${tag}/statusPhrases/${phrase}`);
  }
  return problems;
}
