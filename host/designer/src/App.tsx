import { useCallback, useEffect, useState } from "react";
import { Api, apiRoot } from "./api/client";
import { AppContext, type AppServices } from "./AppContext";
import { SignIn } from "./auth/SignIn";
import { type Session, clearSession, cookieSession, loadSession } from "./auth/session";
import { Catalog } from "./model/catalog";
import { BulkPage } from "./pages/BulkPage";
import { DefinitionsPage } from "./pages/DefinitionsPage";
import { DesignerPage } from "./pages/DesignerPage";
import { InstancePage } from "./pages/InstancePage";
import { InstancesPage } from "./pages/InstancesPage";
import { Link, type Route, useRoute } from "./router";
import { ErrorNote } from "./ui/ErrorNote";

function Page({ route }: { route: Route }) {
  const parts = route.path.split("/").filter(Boolean).map(decodeURIComponent);
  const version = Number(route.query.get("version"));
  switch (parts[0]) {
    case undefined:
    case "definitions":
      return parts[1] ? <DesignerPage definitionId={parts[1]} version={Number.isInteger(version) && version > 0 ? version : undefined} /> : <DefinitionsPage />;
    case "instances":
      return parts[1] ? <InstancePage instanceId={parts[1]} /> : <InstancesPage />;
    case "bulk":
      return <BulkPage key={parts[1] ?? "new"} instanceId={parts[1]} />;
    default:
      return <div className="page"><h1>Not found</h1><p>Nothing lives at {route.path}. <Link to="/">Back to the workflows</Link></p></div>;
  }
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  // Without a stored token, a cookie may already sign this browser in (DSS opened the designer): ask once.
  const [checkingCookie, setCheckingCookie] = useState(() => session === null);
  const [services, setServices] = useState<AppServices | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const route = useRoute();

  const signOut = useCallback((why?: string) => {
    clearSession();
    setServices(null);
    setSession(null);
    setNotice(why);
  }, []);

  useEffect(() => {
    if (!checkingCookie) return;
    let current = true;
    cookieSession(apiRoot()).then((found) => {
      if (!current) return;
      if (found) setSession(found);
      setCheckingCookie(false);
    });
    return () => { current = false; };
  }, [checkingCookie]);

  useEffect(() => {
    if (!session) return;
    const api = new Api(session, () => signOut("The host no longer accepts your token: sign in again."));
    let current = true;
    const reloadCatalog = async () => {
      const descriptors = await api.descriptors();
      setServices((s) => (s ? { ...s, catalog: new Catalog(descriptors) } : s));
    };
    Promise.all([api.me(), api.descriptors()]).then(([me, descriptors]) => {
      if (current) setServices({ api, me, catalog: new Catalog(descriptors), reloadCatalog });
    }, (e) => { if (current) setError(e); });
    return () => { current = false; };
  }, [session, signOut]);

  if (checkingCookie) return <div className="page"><p className="muted">Signing in…</p></div>;
  if (!session) return <SignIn notice={notice} onSignedIn={(s) => { setNotice(undefined); setError(null); setSession(s); }} />;
  if (!services) return <div className="page">{error ? <ErrorNote error={error} /> : <p className="muted">Signing in…</p>}</div>;
  const section = route.path.split("/")[1] || "definitions";
  return (
    <AppContext.Provider value={services}>
      <div className="app">
        <header className="app-header">
          <Link to="/" className="brand">Streamis Workflows</Link>
          <nav aria-label="Sections">
            <Link to="/" aria-current={section === "definitions" ? "page" : undefined}>Workflows</Link>
            <Link to="/instances" aria-current={section === "instances" ? "page" : undefined}>Instances</Link>
            <Link to="/bulk" aria-current={section === "bulk" ? "page" : undefined}>Bulk operations</Link>
          </nav>
          <div className="user">
            <span title={services.me.roles.join(", ")}>{services.me.user}</span>
            <button type="button" className="link" onClick={() => signOut()}>Sign out</button>
          </div>
        </header>
        <div className="app-main"><Page route={route} /></div>
      </div>
    </AppContext.Provider>
  );
}
