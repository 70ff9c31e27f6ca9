import { type DragEvent, useMemo, useState } from "react";
import type { Catalog } from "../model/catalog";
import { ActivityIcon } from "../ui/ActivityIcon";
import { ACTIVITY_MIME } from "./Canvas";

/**
 * The activities the host knows, by category, searchable. Drag one onto the canvas, or press Enter on it to add it
 * next to what is there.
 */
export function Palette({ catalog, disabled, onAdd }: { catalog: Catalog; disabled?: boolean; onAdd: (type: string) => void }) {
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => catalog.paletteGroups(filter), [catalog, filter]);
  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(ACTIVITY_MIME, type);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <aside className="palette" aria-label="Activities">
      <input type="search" className="palette-search" placeholder="Search activities" aria-label="Search activities"
        value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="palette-groups">
        {groups.length === 0 && <p className="muted">No activity matches “{filter}”.</p>}
        {groups.map((group) => (
          <section key={group.category} className="palette-group">
            <h3>{group.category}</h3>
            <ul>
              {group.descriptors.map((d) => (
                <li key={d.type}>
                  <button type="button" className="palette-item" draggable={!disabled} disabled={disabled}
                    data-activity-type={d.type} title={d.description ?? d.displayName}
                    onDragStart={(e) => onDragStart(e, d.type)} onClick={() => onAdd(d.type)}>
                    <ActivityIcon descriptor={d} type={d.type} size={16} />
                    <span className="palette-name">{d.displayName}</span>
                    {d.source && d.source !== "builtin" && <span className="palette-source">{d.source}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
