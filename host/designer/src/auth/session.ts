/** Who the designer signs in as: a token (sent as Bearer), or a Linkis-style user + token pair. */
export interface Session {
  token: string;
  user?: string;
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
  return session.user
    ? { "Token-User": session.user, "Token-Code": session.token }
    : { Authorization: `Bearer ${session.token}` };
}
