import { useState } from "react";
import type { LocatedProblem } from "../model/problems";

/** The validator's problems for the whole definition; choosing one opens where it is. */
export function ProblemList({ problems, validating, onPick }: {
  problems: readonly LocatedProblem[]; validating: boolean; onPick: (problem: LocatedProblem) => void;
}) {
  const [open, setOpen] = useState(true);
  return (
    <div className={`problems${problems.length > 0 ? " has-problems" : ""}`} aria-live="polite">
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {problems.length === 0 ? (validating ? "Checking…" : "No problems") : problems.length === 1 ? "1 problem" : `${problems.length} problems`}
      </button>
      {open && problems.length > 0 && (
        <ul className="problem-items">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="problem-item" onClick={() => onPick(p)}>
                <span className="problem-where">{p.target.kind === "activity" ? p.target.activityId : p.path}</span>
                <span>{p.message}</span>
                <code className="problem-path">{p.path}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
