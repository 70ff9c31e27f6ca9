import type { ActivityDescriptor } from "../api/types";
import { Icon, hasIcon } from "./Icon";

const CATEGORY_COLOURS = ["#2f6fb2", "#2e8b57", "#8e44ad", "#c0772b", "#16879a", "#b03a6f", "#5d6d7e", "#7a8b1f"];

/** The descriptor's colour, or one picked from the category's name so that a category keeps one colour. */
export function activityColour(descriptor: ActivityDescriptor | undefined, type: string): string {
  if (descriptor?.color) return descriptor.color;
  const key = descriptor?.category ?? type;
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return CATEGORY_COLOURS[hash % CATEGORY_COLOURS.length];
}

/**
 * An activity's icon: a name from the designer's set, an inline SVG from a plugin (shown as an image, so no script in
 * it runs), or the type's initials when there is neither.
 */
export function ActivityIcon({ descriptor, type, size = 18 }: { descriptor?: ActivityDescriptor; type: string; size?: number }) {
  const colour = activityColour(descriptor, type);
  const icon = descriptor?.icon?.trim();
  let content;
  if (icon && icon.startsWith("<svg")) {
    content = <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(icon)}`} width={size} height={size} alt="" />;
  } else if (icon && hasIcon(icon)) {
    content = <Icon name={icon} size={size} />;
  } else {
    const initials = (type.match(/[A-Z0-9]/g) ?? [type[0] ?? "?"]).slice(0, 2).join("").toUpperCase();
    content = <span className="activity-initials">{initials}</span>;
  }
  return <span className="activity-icon" style={{ background: colour }} aria-hidden="true">{content}</span>;
}
