import { useEffect } from 'react';
import { onEvent, transport } from '../../api/client';

/**
 * Shows a browser notification for each new high-severity alert in browser mode, when the user
 * allowed notifications. The desktop app shows its own from the main process instead.
 */
export function useAlertNotifications(): void {
  useEffect(() => {
    if (transport !== 'browser' || typeof Notification === 'undefined') return undefined;
    return onEvent('alerts.new', (payload) => {
      if (Notification.permission !== 'granted') return;
      for (const alert of payload.alerts) new Notification(`Duewatch: ${alert.customerName}`, { body: alert.message, tag: `alert-${alert.id}` });
    });
  }, []);
}
