import cluster from 'node:cluster';

/**
 * Several API processes on one port (Node's cluster module): the primary only forks and restarts; each worker is a
 * whole stateless API process with its own screening index, all sharing one PostgreSQL database. A worker that dies
 * is replaced; SIGTERM/SIGINT stop them all.
 */
export function runPrimary(workers: number, log: (line: string) => void): Promise<void> {
  let stopping = false;
  let ready = 0;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: unknown) => {
      if (m === 'ready' && ++ready === workers) log(`all ${workers} API processes ready`);
    });
  };
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    log(`API process ${w.process.pid} stopped (${signal ?? `code ${code}`}): starting another`);
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  return new Promise((resolve) => {
    const stop = () => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      if (!alive.length) return resolve();
      let left = alive.length;
      for (const w of alive) {
        w!.once('exit', () => { if (--left === 0) resolve(); });
        w!.process.kill('SIGTERM');
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const isClusterWorker = () => cluster.isWorker;

/** Tells the primary this worker is ready (no-op in a single process). */
export function announceReady(): void {
  if (cluster.isWorker) process.send?.('ready');
}
