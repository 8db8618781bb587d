import { useState, type FormEvent } from 'react';
import { apiToken, setApiToken } from '../lib/api';

/** Shown when the server refused a change for want of a token (401/403): paste one, then try again. */
export function TokenBox({ message, onSaved }: { message: string; onSaved?: () => void }) {
  const [value, setValue] = useState('');
  const save = (e: FormEvent) => {
    e.preventDefault();
    setApiToken(value.trim());
    onSaved?.();
  };
  return (
    <form className="state error" role="alert" onSubmit={save} aria-label="API token">
      <strong>The server refused the change.</strong>
      <div>{message}</div>
      <div className="small-text">Changes need an API token of the write scope: make one with <code>chokepoint token create NAME --scope write</code> and paste it here (kept in this browser{apiToken() ? '; the one kept now was refused' : ''}).</div>
      <div className="row">
        <label className="field grow">API token<input type="password" name="token" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} required /></label>
        <button type="submit">Use token</button>
      </div>
    </form>
  );
}
