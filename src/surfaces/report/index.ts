/**
 * Builds the oversight report (HTML always; PDF through headless Chromium when it is installed).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from '../../store/db.js';
import { mandatesReport, type MandatesReport } from '../../analyses/mandates/service.js';
import { eventsDataDir, TimelineService } from '../../analyses/timeline/service.js';
import type { TimelineReport } from '../../analyses/timeline/analysis.js';
import { CHART_FROM, renderReportHtml } from './html.js';
import type { ScreeningIndex } from '../../analyses/screening/index/build.js';

export interface ReportOptions {
  asOf?: string;
  /** Folder holding law/ and un/ (default the shared data folder). */
  dataDir?: string;
  /** Folder holding events/, un/, actions/ for the timeline (default CHOKEPOINT_EVENTS or the shared data folder). */
  eventsDir?: string;
  /** The screening index when the caller holds one (the API); else built on need. */
  screening?: ScreeningIndex;
}

export async function buildReport(db: Db, opts: ReportOptions = {}): Promise<{ html: string; report: MandatesReport; timeline: TimelineReport | { error: string } }> {
  const report = await mandatesReport(db, { asOf: opts.asOf, dataDir: opts.dataDir, ...(opts.screening ? { screening: opts.screening } : {}) });
  let timeline: TimelineReport | { error: string };
  try {
    timeline = await new TimelineService(db, eventsDataDir(opts.eventsDir)).report({ from: CHART_FROM, to: report.as_of });
  } catch (err) {
    timeline = { error: (err as Error).message };
  }
  return { html: renderReportHtml({ report, timeline }), report, timeline };
}

/** Candidate Chromium executables (Debian package first); CHOKEPOINT_CHROMIUM overrides. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHOKEPOINT_CHROMIUM) return existsSync(env.CHOKEPOINT_CHROMIUM) ? env.CHOKEPOINT_CHROMIUM : undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((c) => existsSync(c));
}

export class ChromiumMissingError extends Error {
  constructor() {
    super(`PDF output needs headless Chromium, which is not installed${process.env.CHOKEPOINT_CHROMIUM ? ` (CHOKEPOINT_CHROMIUM=${process.env.CHOKEPOINT_CHROMIUM} does not exist)` : ''}: install the Debian package (apt-get install -y chromium) or set CHOKEPOINT_CHROMIUM to a Chromium executable; or write HTML (--output FILE.html) and print it from a browser`);
  }
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-pdf-header-footer'];

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveP, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('error', (e) => { clearTimeout(timer); reject(e); });
    p.on('exit', (code) => { clearTimeout(timer); resolveP({ code, stderr }); });
  });
}

/** Prints an HTML string to a PDF file with headless Chromium. Throws ChromiumMissingError when it is not installed. */
export async function htmlToPdf(html: string, output: string, opts: { chromium?: string; timeoutMs?: number } = {}): Promise<void> {
  const chromium = opts.chromium ?? findChromium();
  if (!chromium) throw new ChromiumMissingError();
  const dir = mkdtempSync(join(tmpdir(), 'cp-report-'));
  try {
    const input = join(dir, 'report.html');
    writeFileSync(input, html);
    const out = resolve(output);
    rmSync(out, { force: true });
    const r = await run(chromium, [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${out}`, `file://${input}`], opts.timeoutMs ?? 120_000);
    if (!existsSync(out) || statSync(out).size === 0) throw new Error(`Chromium did not write ${out} (exit ${r.code}): ${r.stderr.split('\n').filter(Boolean).slice(-3).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
