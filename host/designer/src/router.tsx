import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

// A few routes do not need a router library: paths under the designer's base, pushed with the History API; the host
// answers every such path with index.html.

function basePath(): string {
  const base = document.querySelector("base");
  return base ? new URL(base.href).pathname : "/";
}

export interface Route {
  /** The path below the designer's base, starting with "/". */
  path: string;
  query: URLSearchParams;
}

function currentRoute(): Route {
  const base = basePath();
  const path = location.pathname.startsWith(base) ? `/${location.pathname.slice(base.length)}` : location.pathname;
  return { path: path.replace(/\/index\.html$/, "/"), query: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();
let snapshot = currentRoute();
let snapshotHref = location.href;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onPop = () => notify();
  window.addEventListener("popstate", onPop);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", onPop);
  };
}

function notify(): void {
  for (const l of listeners) l();
}

function getSnapshot(): Route {
  if (location.href !== snapshotHref) {
    snapshotHref = location.href;
    snapshot = currentRoute();
  }
  return snapshot;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, getSnapshot);
}

export function href(to: string): string {
  return basePath() + to.replace(/^\//, "");
}

/** Guards a page with unsaved changes: returns false to stay. */
let leaveGuard: (() => boolean) | null = null;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (leaveGuard && !leaveGuard()) return;
  const url = href(to);
  if (options.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  notify();
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={go} {...rest} />;
}
