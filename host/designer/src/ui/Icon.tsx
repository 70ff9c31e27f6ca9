// Line icons drawn for the designer on a 24-unit grid. Activities name one in their descriptor (Icon = "clock").

const PATHS: Record<string, string> = {
  bell: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0",
  clock: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3 3",
  columns: "M4 4h7v16H4z M13 4h7v16h-7z",
  "file-code": "M6 3h8l4 4v14H6z M14 3v4h4 M10 12l-2 2 2 2 M14 12l2 2-2 2",
  "file-text": "M6 3h8l4 4v14H6z M14 3v4h4 M9 12h6 M9 16h6",
  "git-fork": "M7 4a2 2 0 1 0 0 4a2 2 0 1 0 0-4z M17 4a2 2 0 1 0 0 4a2 2 0 1 0 0-4z M12 16a2 2 0 1 0 0 4a2 2 0 1 0 0-4z M7 8v2a3 3 0 0 0 3 3h4a3 3 0 0 0 3-3V8 M12 13v3",
  layers: "M12 3l9 5-9 5-9-5z M3 13l9 5 9-5",
  "list-ordered": "M10 6h10 M10 12h10 M10 18h10 M4 5l1-1v4 M4 11h2l-2 3h2 M4 17h2v3H4",
  repeat: "M4 11V9a3 3 0 0 1 3-3h12l-3-3 M20 13v2a3 3 0 0 1-3 3H5l3 3",
  "rotate-cw": "M20 5v5h-5 M19 10a8 8 0 1 0 1 5",
  shield: "M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z",
  signpost: "M12 3v18 M5 6h11l3 3-3 3H5z M9 15h-3l-2 2 2 2h3",
  split: "M4 12h6l6-6h4 M10 12l6 6h4 M17 3l3 3-3 3 M17 15l3 3-3 3",
  variable: "M7 4c-2 3-2 13 0 16 M17 4c2 3 2 13 0 16 M9 9l6 6 M15 9l-6 6",
  workflow: "M3 4h6v6H3z M15 14h6v6h-6z M6 10v4a2 2 0 0 0 2 2h7",
  "x-octagon": "M8 3h8l5 5v8l-5 5H8l-5-5V8z M9 9l6 6 M15 9l-6 6",
  // The designer's own buttons.
  play: "M7 4l13 8-13 8z",
  save: "M5 3h11l3 3v15H5z M8 3v5h7V3 M8 21v-7h8v7",
  upload: "M12 16V4 M7 9l5-5 5 5 M4 20h16",
  download: "M12 4v12 M7 11l5 5 5-5 M4 20h16",
  undo: "M9 14l-5-5 5-5 M4 9h10a6 6 0 0 1 0 12h-3",
  redo: "M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3",
  layout: "M3 4h6v5H3z M15 4h6v5h-6z M9 15h6v5H9z M6 9v3h12V9 M12 12v3",
  fit: "M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5",
  trash: "M4 7h16 M9 7V4h6v3 M6 7l1 14h10l1-14",
  history: "M4 12a8 8 0 1 0 3-6 M4 4v4h4 M12 8v4l3 2",
  publish: "M12 3l3 6 6 1-4.5 4 1 6-5.5-3-5.5 3 1-6L3 10l6-1z",
  stop: "M6 6h12v12H6z",
  send: "M4 12l16-8-6 16-3-7z",
  search: "M10 4a6 6 0 1 0 0 12a6 6 0 1 0 0-12z M15 15l5 5",
  check: "M5 12l5 5 9-10",
  alert: "M12 3l10 18H2z M12 10v5 M12 18v.5",
  open: "M14 4h6v6 M20 4l-9 9 M18 14v6H4V6h6",
};

export function hasIcon(name: string): boolean {
  return name in PATHS;
}

export function Icon({ name, size = 16, title }: { name: string; size?: number; title?: string }) {
  const d = PATHS[name];
  if (!d) return null;
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden={title ? undefined : true} role={title ? "img" : undefined}>
      {title && <title>{title}</title>}
      <path d={d} />
    </svg>
  );
}
