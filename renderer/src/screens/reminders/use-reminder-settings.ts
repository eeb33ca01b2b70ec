import { useCallback, useEffect, useState } from 'react';
import type { ReminderSettingsView, RequestInput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';

export type SaveSettingsInput = RequestInput<'reminders.saveSettings'>;

/** Loads the reminder settings and saves changes to them, keeping the last error and confirmation. */
export function useReminderSettings() {
  const [view, setView] = useState<ReminderSettingsView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('reminders.getSettings', {}).then(setView, (failure: unknown) => setError(errorText(failure)));
  }, []);

  const save = useCallback(async (change: SaveSettingsInput, confirmation: string): Promise<boolean> => {
    setMessage(null);
    setError(null);
    try {
      setView(await call('reminders.saveSettings', change));
      setMessage(confirmation);
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    }
  }, []);

  return { view, save, message, error };
}

export const channelLabels = { email: 'E-mail', whatsapp: 'WhatsApp', sms: 'SMS' } as const;
export const toneLabels = { polite: 'Polite', neutral: 'Neutral', firm: 'Firm', final: 'Final' } as const;
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Formats an ISO instant as DD/MM/YYYY HH:MM in the browser's time zone. */
export function instant(value: string | null): string {
  if (value === null) return '—';
  const date = new Date(value);
  const day = new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('en-IN', { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${day} ${time}`;
}
