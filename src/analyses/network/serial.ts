/**
 * Network writes (import, refresh, remove) recompute the results over every imported dataset and replace them whole,
 * so two running at once could each write results that miss the other's dataset. In one process they run one at a
 * time through this queue. (Several API processes on one PostgreSQL server can still interleave: the next import or
 * list update recomputes everything; docs/network.md, Known limits.)
 */
let tail: Promise<unknown> = Promise.resolve();

export function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
