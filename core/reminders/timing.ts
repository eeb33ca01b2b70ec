import { formatInstant } from './local-time';
import { checkSendWindow, nextOpenInstant } from './send-window';
import type { SendWindow } from './settings';
import { channels, tones, type PlannedMessage } from './types';

export const weekMilliseconds = 7 * 86_400_000;

export interface TimingInput {
  readonly now: number;
  readonly window: SendWindow;
  readonly timeZone: string;
  readonly weeklyCap: number | null;
  /** Send times of the customer's reminders in the 7 days up to `now`, in epoch milliseconds. */
  readonly recentSends: readonly number[];
}

/** Orders messages so the most severe go first when a cap lets only some through. */
function compareMessages(a: PlannedMessage, b: PlannedMessage): number {
  const byTone = tones.indexOf(b.tone) - tones.indexOf(a.tone);
  return byTone !== 0 ? byTone : channels.indexOf(a.channel) - channels.indexOf(b.channel);
}

/**
 * Marks each of one customer's messages due or deferred. The weekly cap counts reminders sent
 * in the rolling 7 days before `now`. Messages past the cap wait until the oldest of those
 * leaves the window, and the next planning run counts again. Messages within the cap wait for
 * the sending hours, off-days and holidays of the customer's time zone.
 */
export function applyTiming(messages: readonly PlannedMessage[], input: TimingInput): PlannedMessage[] {
  const ordered = [...messages].sort(compareMessages);
  const window = checkSendWindow(input.now, input.window, input.timeZone);
  const capacity = input.weeklyCap === null ? Number.POSITIVE_INFINITY : Math.max(0, input.weeklyCap - input.recentSends.length);
  const oldestSend = input.recentSends.length === 0 ? input.now : Math.min(...input.recentSends);
  const capFreesAt = oldestSend + weekMilliseconds;

  return ordered.map((message, index) => {
    if (index >= capacity) {
      const notBefore = nextOpenInstant(capFreesAt, input.window, input.timeZone);
      const deferMessage = `The customer has reached the cap of ${input.weeklyCap} reminders in 7 days, so this one waits until the oldest of them is 7 days old.`;
      return { ...message, status: 'deferred', notBefore: formatInstant(notBefore), deferReason: 'weekly-cap', deferMessage };
    }
    if (!window.open) {
      return { ...message, status: 'deferred', notBefore: formatInstant(window.notBefore), deferReason: window.reason, deferMessage: window.message };
    }
    return message;
  });
}
