/**
 * The web workbench: the built bundle's size (raw and gzip, what the dashboard loads first and everything), and the
 * dashboard's load time on localhost in Debian's chromium (median of BENCH_RUNS runs, a fresh browser profile each:
 * a first visit, nothing cached) against `chokepoint serve` on the staged lists.
 *
 *   npm run build && node dist/bench/web.bench.js
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot, sharedDataDir } from '../src/config/paths.js';
import { startServer } from '../test/helpers/cli.js';
import { chromiumMissing, launch, openPage } from '../test/web/browser.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const web = join(packageRoot(), 'dist', 'web');

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

function sizes(): void {
  if (!existsSync(join(web, 'index.html'))) throw new Error('dist/web is not built: npm run build');
  const all = files(web).map((path) => {
    const body = readFileSync(path);
    return { name: path.slice(web.length + 1), raw: body.length, gz: gzipSync(body, { level: 9 }).length };
  });
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  // What a first visit to the dashboard fetches before it draws: index.html, the entry script and its CSS (and modulepreloads).
  const first = new Set(['index.html', ...[...html.matchAll(/(?:src|href)="\/app\/([^"]+)"/g)].map((m) => m[1])]);
  const initial = all.filter((f) => first.has(f.name));
  const code = all.filter((f) => /\.(m?js|css)$/.test(f.name));
  const sum = (xs: typeof all, k: 'raw' | 'gz') => xs.reduce((a, f) => a + f[k], 0);
  console.log('bundle (dist/web)');
  for (const f of all.sort((a, b) => b.gz - a.gz)) console.log(`  ${f.name.padEnd(48)} ${kb(f.raw).padStart(11)}  gz ${kb(f.gz).padStart(10)}`);
  console.log(`first load of the dashboard (${initial.map((f) => f.name).join(', ')}): ${kb(sum(initial, 'raw'))}, gzip ${kb(sum(initial, 'gz'))}`);
  console.log(`all code (JS + CSS, lazy chunks included): ${kb(sum(code, 'raw'))}, gzip ${kb(sum(code, 'gz'))}`);
  console.log(`everything (with the coastline and the map worker): ${kb(sum(all, 'raw'))}, gzip ${kb(sum(all, 'gz'))}`);
}

async function loadTimes(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) return console.log(`dashboard load time: skipped (${missing})`);
  const data = mkdtempSync(join(tmpdir(), 'cp-bench-web-'));
  const server = await startServer([], { CHOKEPOINT_DATA: data, CHOKEPOINT_MIRROR: join(sharedDataDir(), 'lists') });
  try {
    // One visit to warm the server's own caches (list deltas, timeline files), as a server that has been up a while has.
    const warm = await launch();
    const { page } = await openPage(warm);
    await page.goto(`${server.url}/app/`);
    await page.locator('.plot svg').waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    await warm.close();
    const content: number[] = [], chart: number[] = [], idle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const b = await launch();
      const { page: p } = await openPage(b);
      const t0 = Date.now();
      await p.goto(`${server.url}/app/`);
      await p.getByRole('heading', { level: 1 }).waitFor();
      content.push(Date.now() - t0);
      await p.locator('.plot svg').waitFor({ timeout: 60_000 });
      chart.push(Date.now() - t0);
      await p.waitForLoadState('networkidle');
      idle.push(Date.now() - t0);
      await b.close();
    }
    console.log(`dashboard on localhost, first visit (fresh profile), median of ${RUNS}:`);
    console.log(`  page shown (heading drawn): ${median(content)} ms   [${content.join(', ')}]`);
    console.log(`  chart drawn (timeline loaded): ${median(chart)} ms   [${chart.join(', ')}]`);
    console.log(`  network idle (every panel loaded): ${median(idle)} ms   [${idle.join(', ')}]`);
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

sizes();
await loadTimes();
