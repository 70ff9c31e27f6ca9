import type { JournalEntry } from "../api/types";
import { formatDuration, formatTime } from "../ui/format";

/** The instance's execution journal, newest last: each activity that ended (with its timing and error) and each log line. */
export function Journal({ entries, onPick }: { entries: readonly JournalEntry[]; onPick: (activityId: string) => void }) {
  if (entries.length === 0) return <p className="muted">Nothing has finished yet.</p>;
  return (
    <table className="table journal" aria-label="Journal">
      <thead>
        <tr><th>#</th><th>Time</th><th>Activity</th><th>Event</th><th>Took</th><th>Detail</th></tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.sequence} className={`journal-${e.kind.toLowerCase()}`} data-activity-id={e.activityId}>
            <td>{e.sequence}</td>
            <td title={e.timestamp}>{formatTime(e.timestamp).slice(11)}</td>
            <td><button type="button" className="link" onClick={() => onPick(e.activityId)}>{e.activityId}</button></td>
            <td>{e.kind}{e.outcome && e.kind === "Completed" ? ` → ${e.outcome}` : ""}{e.attempt > 1 ? ` (attempt ${e.attempt})` : ""}</td>
            <td>{formatDuration(e.durationMs)}</td>
            <td className="journal-detail">
              {e.errorMessage && <span className="error-text">{e.errorType ? `${e.errorType}: ` : ""}{e.errorMessage}</span>}
              {e.message && <span>{e.severity && e.severity !== "Information" ? `[${e.severity}] ` : ""}{e.message}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
