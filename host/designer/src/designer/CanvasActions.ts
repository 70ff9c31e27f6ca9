import { createContext } from "react";

/** What a node's own buttons do (opening a slot), handed down without putting functions into node data. */
export interface CanvasActions {
  openSlot: (ownerId: string, slot: string) => void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ openSlot: () => {} });
