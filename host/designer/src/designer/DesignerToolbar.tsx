import { Icon } from "../ui/Icon";

export interface ToolbarState {
  title: string;
  definitionId: string;
  version?: number;
  published: boolean;
  dirty: boolean;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canLayout: boolean;
  saving: boolean;
  autosave: boolean;
}

export interface ToolbarActions {
  undo: () => void;
  redo: () => void;
  layout: () => void;
  fit: () => void;
  save: () => void;
  publish: () => void;
  run: () => void;
  versions: () => void;
  exportJson: () => void;
  setAutosave: (on: boolean) => void;
}

function Tool({ icon, label, shortcut, onClick, disabled, primary, iconOnly }: {
  icon: string; label: string; shortcut?: string; onClick: () => void; disabled?: boolean; primary?: boolean; iconOnly?: boolean;
}) {
  return (
    <button type="button" className={primary ? "tool primary" : "tool"} onClick={onClick} disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label} aria-label={iconOnly ? label : undefined}
      aria-keyshortcuts={shortcut?.replace("Ctrl", "Control")}>
      <Icon name={icon} />{!iconOnly && <span>{label}</span>}
    </button>
  );
}

export function DesignerToolbar({ state, actions }: { state: ToolbarState; actions: ToolbarActions }) {
  const badge = state.dirty ? "unsaved changes" : state.published ? "published" : "draft";
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Workflow">
      <div className="designer-title">
        <h1>{state.title || state.definitionId}</h1>
        <span className="muted">{state.definitionId}{state.version ? ` · v${state.version}` : ""}</span>
        <span className={`save-state save-${badge.replace(" ", "-")}`} data-save-state={badge}>{badge}</span>
      </div>
      <div className="tool-group">
        <Tool icon="undo" label="Undo" shortcut="Ctrl+Z" onClick={actions.undo} disabled={!state.canUndo || state.readOnly} iconOnly />
        <Tool icon="redo" label="Redo" shortcut="Ctrl+Y" onClick={actions.redo} disabled={!state.canRedo || state.readOnly} iconOnly />
        <Tool icon="layout" label="Auto-layout" onClick={actions.layout} disabled={!state.canLayout || state.readOnly} iconOnly />
        <Tool icon="fit" label="Fit" onClick={actions.fit} iconOnly />
      </div>
      <div className="tool-group">
        <Tool icon="save" label="Save" shortcut="Ctrl+S" onClick={actions.save} disabled={state.readOnly || state.saving} />
        <Tool icon="publish" label="Publish" onClick={actions.publish} disabled={state.readOnly || state.saving} />
        <Tool icon="play" label="Run" onClick={actions.run} primary />
        <Tool icon="history" label="Versions" onClick={actions.versions} />
        <Tool icon="download" label="Export" onClick={actions.exportJson} />
        {!state.readOnly && (
          <label className="checkbox autosave" title="Saves the draft a moment after the last change">
            <input type="checkbox" checked={state.autosave} onChange={(e) => actions.setAutosave(e.target.checked)} /> autosave
          </label>
        )}
      </div>
    </div>
  );
}
