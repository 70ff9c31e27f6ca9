import { type FormEvent, useState } from "react";
import { Api, ApiError } from "../api/client";
import { type Session, saveSession } from "./session";

/**
 * Sign-in with a host token: alone it is sent as a bearer token; with a user name, as the Linkis-style
 * Token-User/Token-Code pair (a gateway token that may act for that user).
 */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string }) {
  const [token, setToken] = useState("");
  const [user, setUser] = useState("");
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) {
      setError("Token: give the token the host was configured with (e.g. STREAMIS_BOOTSTRAP_TOKEN).");
      return;
    }
    const session: Session = { token: token.trim(), user: user.trim() || undefined };
    setBusy(true);
    setError(null);
    try {
      await new Api(session, () => {}).me();
      saveSession(session, remember);
      onSignedIn(session);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? "The host does not accept this token." : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <form className="sign-in-card" onSubmit={submit} noValidate>
        <h1>Streamis Workflows</h1>
        <p className="muted">Sign in to design, run and watch ops workflows.</p>
        {notice && <p className="note">{notice}</p>}
        <div className="field">
          <label htmlFor="sign-in-token">Token</label>
          <input id="sign-in-token" type="password" autoComplete="current-password" value={token} autoFocus
            onChange={(e) => setToken(e.target.value)} aria-invalid={error ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="sign-in-user">User <span className="muted">(only for a Token-User/Token-Code pair)</span></label>
          <input id="sign-in-user" type="text" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> remember on this browser
        </label>
        {error && <div className="field-error" role="alert">{error}</div>}
        <button type="submit" className="primary" disabled={busy}>Sign in</button>
      </form>
    </div>
  );
}
