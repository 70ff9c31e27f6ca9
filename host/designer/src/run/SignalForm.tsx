import { type FormEvent, useState } from "react";
import type { Bookmark } from "../api/types";
import { useApp } from "../AppContext";
import { ErrorNote } from "../ui/ErrorNote";
import { formatTime } from "../ui/format";

function parsePayload(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `Payload is not valid JSON: ${(e as Error).message}` };
  }
}

/** A signal bookmark is named after its kind ("Signal"); the signal it waits for is its key. */
const signalName = (b: Bookmark) => b.key ?? b.name;

/** What a suspended instance waits for, with a way to send it: a named signal, or a resume of one bookmark. */
export function SignalForm({ instanceId, bookmarks, onSent }: { instanceId: string; bookmarks: readonly Bookmark[]; onSent: () => void }) {
  const { api } = useApp();
  const signals = bookmarks.filter((b) => !b.resumeAt);
  const [signal, setSignal] = useState(signals[0] ? signalName(signals[0]) : "");
  const [payload, setPayload] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parsePayload(payload);
    if (!parsed.ok) {
      setError(new Error(parsed.error));
      return;
    }
    if (!signal.trim()) {
      setError(new Error("Signal: give the name of the signal to send"));
      return;
    }
    setError(null);
    try {
      const r = await api.signal(signal.trim(), parsed.value, instanceId);
      setResult(r.resumed === 0 ? `Nothing here waits for “${signal}”.` : `Sent: ${r.resumed} waiting point(s) resumed.`);
      onSent();
    } catch (err) {
      setError(err);
    }
  };
  const resume = async (bookmark: Bookmark) => {
    const parsed = parsePayload(payload);
    if (!parsed.ok) {
      setError(new Error(parsed.error));
      return;
    }
    setError(null);
    try {
      await api.resume(instanceId, bookmark.id, parsed.value);
      setResult(`Resumed ${bookmark.activityId}.`);
      onSent();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="signal-form" aria-label="Waiting points">
      <h3>Waiting for</h3>
      <ul className="bookmarks">
        {bookmarks.map((b) => (
          <li key={b.id}>
            <code>{b.activityId}</code> {b.resumeAt ? `timer, due ${formatTime(b.resumeAt)}` : `signal “${signalName(b)}”`}
            <button type="button" className="link" onClick={() => void resume(b)}>Resume now</button>
          </li>
        ))}
      </ul>
      <form onSubmit={send}>
        <div className="field">
          <label htmlFor="signal-name">Signal</label>
          <input id="signal-name" type="text" value={signal} onChange={(e) => setSignal(e.target.value)} list="signal-names" />
          <datalist id="signal-names">{signals.map((b) => <option key={b.id} value={signalName(b)} />)}</datalist>
        </div>
        <div className="field">
          <label htmlFor="signal-payload">Payload (JSON)</label>
          <textarea id="signal-payload" className="code" rows={2} value={payload} placeholder='{"approvedBy": "alice"}'
            onChange={(e) => setPayload(e.target.value)} />
        </div>
        <button type="submit"><span>Send signal</span></button>
      </form>
      {result && <p className="muted" role="status">{result}</p>}
      <ErrorNote error={error} />
    </section>
  );
}
