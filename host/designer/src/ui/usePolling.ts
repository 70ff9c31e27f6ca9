import { useEffect, useRef, useState } from "react";

/**
 * Reads a value again and again while it is live: <c>next</c> says how long to wait after each answer, or null to
 * stop. Changing <c>restart</c> starts reading again (after an action that makes the value live once more).
 */
export function usePolling<T>(load: () => Promise<T>, next: (value: T) => number | null, restart: string): { value: T | null; error: unknown } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const calls = useRef({ load, next });
  calls.current = { load, next };
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await calls.current.load();
        if (stopped) return;
        setValue(answer);
        setError(null);
        const wait = calls.current.next(answer);
        if (wait !== null) timer = setTimeout(poll, wait);
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [restart]);
  return { value, error };
}
