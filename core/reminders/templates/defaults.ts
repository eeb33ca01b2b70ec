import { englishPack } from './en';
import { hindiPack } from './hi';
import { hinglishPack } from './hinglish';
import type { LanguagePack } from './language-pack';

/** Shipped reminder languages by BCP 47 tag; `hi-Latn` is Hinglish. */
export const defaultLanguagePacks: Readonly<Record<string, LanguagePack>> = {
  'en': englishPack,
  'hi': hindiPack,
  'hi-Latn': hinglishPack,
};

/** Template ids every shipped language defines, one per schedule stage. */
export const defaultTemplateIds = ['upcoming', 'due-today', 'overdue-polite', 'overdue-neutral', 'overdue-firm', 'final-notice'] as const;
