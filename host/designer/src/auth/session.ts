/**
 * Who the designer signs in as: a token (sent as Bearer), a Linkis-style user + token pair, or a session cookie the
 * browser already holds (a DSS hand-off or a Linkis-style login): then token is empty and nothing is added to requests.
 */
export interface Session {
  token: string;
  user?: string;
  cookie?: boolean;
}

const KEY = "streamis-workflows.session";

export function loadSession(): Session | null {
  for (const storage of [sessionStorage, localStorage]) {
    const text = storage.getItem(KEY);
    if (!text) continue;
    try {
      const parsed = JSON.parse(text) as Session;
      if (typeof parsed.token === "string" && parsed.token.length > 0) return parsed;
    } catch {
      storage.removeItem(KEY);
    }
  }
  return null;
}

export function saveSession(session: Session, remember: boolean): void {
  clearSession();
  (remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

export function authHeaders(session: Session): Record<string, string> {
  if (session.cookie) return {};
  return session.user
    ? { "Token-User": session.user, "Token-Code": session.token }
    : { Authorization: `Bearer ${session.token}` };
}

/** The session the browser's cookie already carries, if any; the host answers 200 either way. */
export async function cookieSession(root: string): Promise<Session | null> {
  try {
    const response = await fetch(new URL("api/session", root).href, { credentials: "same-origin" });
    if (!response.ok) return null;
    const body = (await response.json()) as { signedIn?: boolean };
    return body.signedIn ? { token: "", cookie: true } : null;
  } catch {
    return null;
  }
}
