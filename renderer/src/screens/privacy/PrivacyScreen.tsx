import { useState } from 'react';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { ConsentPanel } from './ConsentPanel';
import { CustomerDataPanel } from './CustomerDataPanel';
import { CustomerPicker, type CustomerBrief } from './CustomerPicker';
import { RequestsPanel } from './RequestsPanel';
import { RetentionPanel } from './RetentionPanel';

const tabs = ['Consent', 'Requests', 'Customer data', 'Retention', 'Audit log', 'Backup'] as const;
type Tab = (typeof tabs)[number];

/** Shows consent records, requests from people about their data, retention, the audit log and backups, one tab each. */
export function PrivacyScreen() {
  const [tab, setTab] = useState<Tab>('Consent');
  const [customer, setCustomer] = useState<CustomerBrief | null>(null);
  const needsCustomer = tab === 'Consent' || tab === 'Customer data';

  return (
    <section aria-label="Privacy">
      <header className="section-header"><h1>Privacy</h1></header>
      <div className="tabs" role="tablist" aria-label="Privacy sections">
        {tabs.map((item) => (
          <button key={item} type="button" role="tab" aria-selected={item === tab} className={item === tab ? 'tab active' : 'tab'} onClick={() => setTab(item)}>{item}</button>
        ))}
      </div>
      <div className={needsCustomer ? 'privacy-layout' : undefined}>
        {needsCustomer && <aside className="card picker-card"><CustomerPicker selected={customer} onSelect={setCustomer} /></aside>}
        <div className="privacy-main" role="tabpanel" aria-label={tab}>
          {tab === 'Consent' && <ConsentPanel customer={customer} />}
          {tab === 'Requests' && <RequestsPanel />}
          {tab === 'Customer data' && <CustomerDataPanel customer={customer} onChanged={setCustomer} />}
          {tab === 'Retention' && <RetentionPanel />}
          {tab === 'Audit log' && <AuditPanel />}
          {tab === 'Backup' && <BackupPanel />}
        </div>
      </div>
    </section>
  );
}
