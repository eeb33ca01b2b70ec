import type { Channel } from '../types';
import type { LanguagePack } from './language-pack';
import { messagePlaceholders } from './placeholders';
import { renderTemplate } from './render';
import { messageValues, type MessageContext } from './values';

export interface ComposedMessage {
  /** E-mail subject, empty for WhatsApp and SMS. */
  readonly subject: string;
  readonly body: string;
}

/**
 * Renders a reminder for one channel: the subject and body of the template for e-mail, its
 * short text for WhatsApp and SMS. Throws TemplateError for unknown placeholders and RangeError
 * when the language has no template of that id.
 */
export function composeMessage(pack: LanguagePack, templateId: string, channel: Channel, context: MessageContext): ComposedMessage {
  const template = pack.templates[templateId];
  if (template === undefined) {
    throw new RangeError(`Template "${templateId}" not found in language "${context.language}": add it under the language's templates.`);
  }
  const values = messageValues(pack, context);
  const names = Object.keys(messagePlaceholders);
  const location = `${context.language}/${templateId}`;
  if (channel === 'email') {
    return {
      subject: renderTemplate(template.subject, names, values, `${location}/subject`).trim(),
      body: renderTemplate(template.body, names, values, `${location}/body`).trim(),
    };
  }
  return { subject: '', body: renderTemplate(template.short, names, values, `${location}/short`).trim() };
}
