import { createContext, useContext } from "react";
import type { Api } from "./api/client";
import type { Me } from "./api/types";
import type { Catalog } from "./model/catalog";

export interface AppServices {
  api: Api;
  me: Me;
  catalog: Catalog;
  /** Asks the host for the activity descriptors again (after plugins change). */
  reloadCatalog: () => Promise<void>;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error("useApp outside the signed-in app");
  return services;
}

export function canAdminister(me: Me): boolean {
  return me.roles.includes("admin");
}

export function canOperate(me: Me): boolean {
  return me.roles.includes("admin") || me.roles.includes("operator");
}
