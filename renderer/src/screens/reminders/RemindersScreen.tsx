import { useState } from 'react';
import { HistoryPanel } from './HistoryPanel';
import { OutboxPanel } from './OutboxPanel';
import { SettingsPanel } from './SettingsPanel';
import { TemplatesPanel } from './TemplatesPanel';

const tabs = [
  { id: 'outbox', label: 'Outbox' },
  { id: 'settings', label: 'Settings' },
  { id: 'templates', label: 'Templates' },
  { id: 'history', label: 'Customer history' },
] as const;
type Tab = (typeof tabs)[number]['id'];

/** Shows the Reminders section: the outbox, the schedule and sending settings, the template editor and each customer's history. */
export function RemindersScreen() {
  const [tab, setTab] = useState<Tab>('outbox');
  return (
    <section aria-label="Reminders">
      <header className="section-header"><h1>Reminders</h1></header>
      <div className="tabs" role="tablist" aria-label="Reminder views">
        {tabs.map((entry) => (
          <button key={entry.id} type="button" role="tab" aria-selected={tab === entry.id} className={tab === entry.id ? 'tab active' : 'tab'} onClick={() => setTab(entry.id)}>
            {entry.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tabs.find((entry) => entry.id === tab)?.label}>
        {tab === 'outbox' && <OutboxPanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'templates' && <TemplatesPanel />}
        {tab === 'history' && <HistoryPanel />}
      </div>
    </section>
  );
}
