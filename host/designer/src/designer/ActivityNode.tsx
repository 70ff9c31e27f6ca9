import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo, useContext } from "react";
import type { ActivityFlowNode } from "../model/graph";
import { STATE_LABEL } from "../model/instanceState";
import { ActivityIcon } from "../ui/ActivityIcon";
import { CanvasActionsContext } from "./CanvasActions";

function slotSummary(count: number, multiple: boolean, first?: string): string {
  if (count === 0) return "empty";
  if (!multiple) return first ?? "1 activity";
  return count === 1 ? "1 activity" : `${count} activities`;
}

/**
 * One activity on the canvas: its icon and names, its slots as buttons that open them (an If's then/else are
 * editable like any canvas), and on a flowchart one output port per outcome, Switch cases included.
 */
function ActivityNodeView({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { activity, descriptor, outcomes, slots, mode, order, problems, state, start } = data;
  const actions = useContext(CanvasActionsContext);
  const title = activity.displayName || descriptor?.displayName || activity.type;
  const classes = ["activity-node", selected ? "selected" : "", problems.length > 0 ? "has-problems" : "",
    state ? `state-${state}` : "", descriptor ? "" : "unknown-type"].filter(Boolean).join(" ");
  return (
    <div className={classes} data-activity-id={activity.id} data-state={state ?? ""}>
      <Handle type="target" position={Position.Left} id="in" isConnectable={mode === "flowchart"}
        className={mode === "flowchart" ? "port-in" : "port-hidden"} />
      <div className="node-header">
        <ActivityIcon descriptor={descriptor} type={activity.type} />
        <div className="node-names">
          <div className="node-title">{title}</div>
          <div className="node-id">{activity.id}{title !== activity.type ? ` · ${activity.type}` : ""}</div>
        </div>
        {order !== undefined && <span className="node-order" title="Place in the sequence">{order}</span>}
      </div>
      <div className="node-badges">
        {start && <span className="badge badge-start" title="The flowchart starts here: no connection leads to it">start</span>}
        {activity.join === "all" && <span className="badge" title="Runs once every incoming connection has arrived">join all</span>}
        {activity.retry && <span className="badge" title="Retried on failure">retry</span>}
        {!descriptor && <span className="badge badge-problem" title="The host knows no activity of this type">unknown type</span>}
        {state && <span className={`badge badge-state state-${state}`}>{STATE_LABEL[state]}</span>}
        {problems.length > 0 && (
          <span className="badge badge-problem" title={problems.join("\n")}>
            {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
          </span>
        )}
      </div>
      {slots.length > 0 && (
        <div className="node-slots">
          {slots.map((s) => (
            <button key={s.name} type="button" className="slot-button nodrag"
              onClick={(e) => { e.stopPropagation(); actions.openSlot(activity.id, s.name); }}
              title={s.description ?? `Open ${s.name}`}>
              <span className="slot-name">{s.name}</span>
              <span className="slot-content">{slotSummary(s.activities.length, s.multiple, s.activities[0]?.displayName || s.activities[0]?.id)}</span>
              <span aria-hidden="true">›</span>
            </button>
          ))}
        </div>
      )}
      {mode === "flowchart" ? (
        outcomes.length > 0 && (
          <div className="node-outcomes">
            {outcomes.map((outcome) => (
              <div key={outcome} className="node-outcome">
                <span>{outcome}</span>
                <Handle type="source" position={Position.Right} id={outcome} className="port-out" />
              </div>
            ))}
          </div>
        )
      ) : (
        <Handle type="source" position={Position.Right} id="next" isConnectable={false} className="port-hidden" />
      )}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
