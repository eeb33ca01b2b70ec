import { useEffect, useState, type FormEvent } from 'react';
import { apiScopes, type ApiScope, type ApiToken } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';

const scopeLabels: Record<ApiScope, string> = {
  'risk:read': 'risk:read (look up customers, scores, credit checks and alerts)',
  'ledger:write': 'ledger:write (create and update customers, invoices and payments)',
};

/** Creates tokens (each shown once, with a copy button), lists them and revokes them. */
export function ApiTokens() {
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['risk:read']);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = () => call('api.tokens', {}).then(setTokens).catch((failure: unknown) => setError(errorText(failure)));
  useEffect(() => {
    void refresh();
  }, []);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await call('api.createToken', { name, scopes });
      setCreated({ name: result.token.name, secret: result.secret });
      setCopied(false);
      setName('');
      await refresh();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function revoke(id: number) {
    setError(null);
    try {
      await call('api.revokeToken', { id });
      setConfirmingId(null);
      await refresh();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setError('The browser did not allow copying; select the token and copy it by hand.');
    }
  }

  const toggleScope = (scope: ApiScope, on: boolean) => setScopes(on ? apiScopes.filter((item) => item === scope || scopes.includes(item)) : scopes.filter((item) => item !== scope));

  return (
    <section aria-label="API tokens">
      <h3>Tokens</h3>
      {created !== null && (
        <div className="token-once" aria-label="New API token">
          <p>Copy the token for “{created.name}” now. Duewatch keeps only a hash of it and cannot show it again.</p>
          <code className="recovery-key" data-testid="api-token-secret">{created.secret}</code>
          <div className="actions left">
            <button type="button" onClick={() => void copy(created.secret)}>{copied ? 'Copied' : 'Copy token'}</button>
            <button type="button" className="secondary" onClick={() => setCreated(null)}>Done</button>
          </div>
        </div>
      )}
      <form className="token-form" onSubmit={(event) => void create(event)} aria-label="Create API token">
        <Field label="Token name" hint="Such as the billing system that will use it.">
          <input name="apiTokenName" value={name} onChange={(event) => setName(event.target.value)} maxLength={60} />
        </Field>
        <fieldset className="scope-choices">
          <legend>Scopes</legend>
          {apiScopes.map((scope) => (
            <label key={scope} className="check"><input type="checkbox" checked={scopes.includes(scope)} onChange={(event) => toggleScope(scope, event.target.checked)} /> {scopeLabels[scope]}</label>
          ))}
        </fieldset>
        <div className="actions left"><button type="submit" disabled={name.trim() === '' || scopes.length === 0}>Create token</button></div>
      </form>
      {error !== null && <p className="error" role="alert">{error}</p>}
      {tokens.length === 0 ? <p className="hint">No tokens yet. Requests without a valid token get 401.</p> : (
        <table className="data-table compact" aria-label="Active API tokens">
          <thead><tr><th>Name</th><th>Scopes</th><th>Created</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td className="mono">{token.scopes.join(', ')}</td>
                <td>{new Date(token.createdAt).toLocaleString('en-IN')}</td>
                <td className="number">
                  {confirmingId === token.id ? (
                    <span className="confirm-revoke">
                      <button type="button" className="danger" onClick={() => void revoke(token.id)}>Revoke now</button>
                      <button type="button" className="secondary" onClick={() => setConfirmingId(null)}>Keep</button>
                    </span>
                  ) : <button type="button" className="secondary" aria-label={`Revoke ${token.name}`} onClick={() => setConfirmingId(token.id)}>Revoke</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
