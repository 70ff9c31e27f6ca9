import type { Crumb, ScopeStep } from "../model/scope";

export function Breadcrumbs({ crumbs, onOpen }: { crumbs: readonly Crumb[]; onOpen: (steps: ScopeStep[]) => void }) {
  return (
    <nav className="breadcrumbs" aria-label="Where the canvas is">
      {crumbs.map((crumb, i) => (
        <span key={i}>
          {i > 0 && <span className="crumb-separator" aria-hidden="true"> / </span>}
          {i === crumbs.length - 1
            ? <span aria-current="location">{crumb.label}</span>
            : <button type="button" className="link" onClick={() => onOpen(crumb.steps)}>{crumb.label}</button>}
        </span>
      ))}
    </nav>
  );
}
