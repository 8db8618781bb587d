import { useEffect } from 'react';
import { getJson } from './api';

/**
 * Polls `url` (null: nothing to watch) every `everyMs` while `again(answer)` holds; each answer goes to `onAnswer`,
 * a failed request to `onError`. Stops when the component goes or the URL changes.
 */
export function usePoll<T>(url: string | null, everyMs: number, again: (answer: T) => boolean, onAnswer: (answer: T) => void, onError: (message: string) => void): void {
  useEffect(() => {
    if (!url) return;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const answer = await getJson<T>(url);
        if (!live) return;
        onAnswer(answer);
        if (again(answer)) timer = window.setTimeout(poll, everyMs);
      } catch (e) {
        if (live) onError((e as Error).message);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url]);
}
