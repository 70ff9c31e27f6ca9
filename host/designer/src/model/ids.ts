/** Parses "12, 13 14" into ids; the first piece that is not a whole number is named. */
export function parseIds(text: string): { ids: number[]; error?: string } {
  const pieces = text.split(/[\s,;]+/).filter(Boolean);
  const ids: number[] = [];
  for (const piece of pieces) {
    if (!/^\d+$/.test(piece)) return { ids, error: `“${piece}” is not an id (a whole number)` };
    ids.push(Number(piece));
  }
  return { ids };
}
