import { Notification } from 'electron';
import type { EventPayload } from '../../core/contract/events';
import type { Services } from '../services/index';

/** Shows an Electron desktop notification for each alert in an `alerts.new` event, where the system supports them. */
export function showAlertNotifications(services: Services): void {
  services.session.events.on('event', (name: string, payload: unknown) => {
    if (name !== 'alerts.new' || !Notification.isSupported()) return;
    for (const alert of (payload as EventPayload<'alerts.new'>).alerts) {
      new Notification({ title: `Duewatch: ${alert.customerName}`, body: alert.message }).show();
    }
  });
}
