import { useEffect, useRef, useState } from "react";
import type { Api } from "../api/client";
import type { Catalog } from "../model/catalog";
import { type LocatedProblem, locateAll } from "../model/problems";
import type { WorkflowJson } from "../model/workflow";

/**
 * The host's validation of the definition on the canvas, asked for shortly after the last change (the validator is
 * the host's own, so the designer never disagrees with what publishing will say).
 */
export function useValidation(api: Api, catalog: Catalog, definition: WorkflowJson | undefined, delayMs = 300) {
  const [problems, setProblems] = useState<LocatedProblem[]>([]);
  const [validating, setValidating] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    if (!definition) return;
    const ticket = ++latest.current;
    setValidating(true);
    const timer = setTimeout(() => {
      api.validate(definition).then(
        (result) => {
          if (ticket !== latest.current) return;
          // The same answer keeps the same list, so the canvas does not redraw every node for nothing.
          const located = locateAll(definition, catalog, result.problems);
          setProblems((previous) => (JSON.stringify(previous) === JSON.stringify(located) ? previous : located));
        },
        () => { /* a failed check leaves the last known problems; saving reports the host's answer itself */ },
      ).finally(() => { if (ticket === latest.current) setValidating(false); });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [api, catalog, definition, delayMs]);
  return { problems, validating, setProblems };
}
