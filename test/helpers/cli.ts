import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../../src/config/paths.js';

export const BIN = join(packageRoot(), 'bin', 'chokepoint.js');

/** Runs the chokepoint command to completion. */
export function runCli(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 600_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `chokepoint serve` and waits until /readyz answers 200 (or the process dies, or time runs out). */
export async function startServer(args: string[], env: Record<string, string>, timeoutMs = 300_000, serveArgs: string[] = []): Promise<{ url: string; proc: ChildProcess; stderr: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [BIN, ...args, 'serve', '--port', String(port), ...serveArgs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr?.on('data', (d) => (err += d));
  proc.stdout?.on('data', () => undefined);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  const stop = () => new Promise<void>((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${err}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) return { url, proc, stderr: () => err, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`server not ready after ${timeoutMs} ms: ${err}`);
}
