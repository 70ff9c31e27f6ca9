import { useEffect, useState } from "react";
import type { DefinitionVersion } from "../api/types";
import { useApp } from "../AppContext";
import { type Change, compareDefinitions } from "../model/diff";
import type { WorkflowJson } from "../model/workflow";
import { navigate } from "../router";
import { Dialog } from "../ui/Dialog";
import { ErrorNote } from "../ui/ErrorNote";
import { formatTime } from "../ui/format";

const CURRENT = "current";

/** The versions of a definition: open one, or compare any two (or one with the canvas as it is now). */
export function VersionsDialog({ definitionId, current, onClose }: { definitionId: string; current: WorkflowJson; onClose: () => void }) {
  const { api, catalog } = useApp();
  const [versions, setVersions] = useState<DefinitionVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>(CURRENT);
  const [changes, setChanges] = useState<Change[] | null>(null);

  useEffect(() => {
    api.versions(definitionId).then((v) => {
      setVersions(v);
      const published = v.find((x) => x.isPublished) ?? v[0];
      if (published) setFrom(String(published.version));
    }, setError);
  }, [api, definitionId]);

  const compare = async () => {
    setError(null);
    try {
      const load = async (which: string) => (which === CURRENT ? current : (await api.definition(definitionId, Number(which))).definition);
      const [before, after] = await Promise.all([load(from), load(to)]);
      setChanges(compareDefinitions(catalog, before, after));
    } catch (e) {
      setError(e);
    }
  };

  const label = (v: DefinitionVersion) => `v${v.version}${v.isPublished ? " (published)" : ""}${v.isLatest ? " (latest)" : ""}`;
  return (
    <Dialog title={`Versions of ${definitionId}`} onClose={onClose} wide>
      <ErrorNote error={error} />
      {versions && (
        <table className="table versions-table">
          <thead><tr><th>Version</th><th>State</th><th>Last change</th><th></th></tr></thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>{v.isPublished ? "published" : v.isLatest ? "draft" : "earlier"}</td>
                <td>{formatTime(v.updatedAt)}</td>
                <td>
                  <button type="button" className="link" onClick={() => { onClose(); navigate(`/definitions/${encodeURIComponent(definitionId)}?version=${v.version}`); }}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="compare-bar">
        <label>Compare <select aria-label="Compare from" value={from} onChange={(e) => setFrom(e.target.value)}>
          {versions?.map((v) => <option key={v.version} value={v.version}>{label(v)}</option>)}
        </select></label>
        <label> with <select aria-label="Compare with" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value={CURRENT}>the canvas now</option>
          {versions?.map((v) => <option key={v.version} value={v.version}>{label(v)}</option>)}
        </select></label>
        <button type="button" onClick={compare} disabled={!from}>Compare</button>
      </div>
      {changes && (
        changes.length === 0 ? <p className="muted compare-result">No differences (canvas positions are not compared).</p> : (
          <ul className="changes compare-result">
            {changes.map((c, i) => (
              <li key={i} className={`change change-${c.kind}`}>
                <span className="change-kind">{c.kind}</span> <span className="change-area">{c.area}</span> <code>{c.key}</code>
                {c.details.length > 0 && <ul>{c.details.map((d, j) => <li key={j}>{d}</li>)}</ul>}
              </li>
            ))}
          </ul>
        )
      )}
    </Dialog>
  );
}
