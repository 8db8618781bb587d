import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { loadNetwork } from '../../../analyses/network/load-network.js';
import { neighbourhoodOf, NETWORK_LIMITS, type Neighbourhood } from '../../../analyses/network/network.js';
import { toGexf } from '../../../analyses/network/gexf.js';
import { toFtmLines } from '../../../analyses/network/ftm-export.js';
import { frontCompaniesFor } from '../../../analyses/network/service.js';
import type { MaritimeEventRef, FrontCompanyRanking } from '../../../analyses/network/front-companies.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

const FORMATS = ['table', 'json', 'gexf', 'ftm'] as const;

export function formatNeighbourhood(n: Neighbourhood): string {
  const lines = [`network of ${n.root} to depth ${n.depth}: ${n.nodes.length} entities, ${n.edges.length} relations${n.truncated ? ` (cut at ${NETWORK_LIMITS.maxNodes} entities)` : ''}`, ''];
  for (const v of n.nodes) lines.push(`  [${v.distance}] ${v.id.padEnd(22)} ${v.schema.padEnd(12)} ${v.kind.padEnd(8)} ${v.caption}${v.topics.includes('sanction.linked') ? '  (sanction.linked)' : ''}`);
  lines.push('', 'relations:');
  for (const e of n.edges) {
    lines.push(`  ${e.source} ${e.directed ? '->' : '--'} ${e.target}  ${e.type}${e.percentage !== undefined ? ` ${e.percentage} %` : ''}  [${e.evidence.record}${e.evidence.targetRecord ? ` + ${e.evidence.targetRecord}` : ''}, ${e.version}]  ${e.evidence.normalized ?? e.evidence.value}`);
  }
  return lines.join('\n');
}

export function formatFrontCompanies(r: FrontCompanyRanking): string {
  const lines = [`front-company candidates: ${r.candidates.length} of ${r.considered} unlisted organisations (rule v${r.rules.version}, ${r.rules.combine}, min ${r.rules.minScore})`];
  for (const c of r.candidates) {
    lines.push('', `${c.score.toFixed(3)}  ${c.caption} (${c.id}, ${c.dataset})`);
    for (const t of c.ties) lines.push(`    ${t.counted ? '+' : ' '} ${t.kind} (${t.weight})${t.designated ? ` designated ${t.designated.caption} (${t.designated.id})` : ''}${t.via ? ` via ${t.via.caption} (${t.via.id})` : ''}: ${t.evidence.value} [${t.evidence.record}${t.evidence.version ? `, ${t.evidence.version}` : ''}]`);
  }
  if (r.blockedByOwnership.length) lines.push('', `already blocked by ownership (not ranked): ${r.blockedByOwnership.join(', ')}`);
  return lines.join('\n');
}

function readEvents(file: string): MaritimeEventRef[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read events ${file}: ${(err as Error).message}`);
  }
  return text.split('\n').map((l, i) => [l.trim(), i + 1] as const).filter(([l]) => l).map(([l, line]) => {
    try {
      const o = JSON.parse(l) as { type: string; mmsi?: number[]; imo?: number[]; start: string };
      return { id: `${file}:${line}`, type: o.type, mmsi: o.mmsi ?? [], imo: o.imo ?? [], start: o.start };
    } catch {
      throw new UserError(`${file} line ${line}: not a maritime event (JSON Lines from \`chokepoint ais detect\`)`);
    }
  });
}

export function registerNetwork(program: Command): void {
  program
    .command('network <id>')
    .description('the network around an entity (listed or imported): relations with their records and versions; `network front-companies` ranks candidates')
    .option('--depth <n>', `hops (1-${NETWORK_LIMITS.maxDepth})`, String(NETWORK_LIMITS.defaultDepth))
    .option('--format <f>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('--events <file>', 'front-companies: maritime events JSON Lines (from `chokepoint ais detect`) besides stored AIS runs')
    .action(async (id: string, opts: { depth: string; format: string; events?: string }, cmd: Command) => {
      const depth = Number(opts.depth);
      if (!Number.isInteger(depth) || depth < 1 || depth > NETWORK_LIMITS.maxDepth) throw new UserError(`--depth must be a whole number from 1 to ${NETWORK_LIMITS.maxDepth}`);
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}`);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        if (id === 'front-companies') {
          const r = await frontCompaniesFor(db, { ...(opts.events ? { events: readEvents(opts.events) } : {}) });
          if (opts.format === 'json') printJson(r);
          else if (opts.format === 'table') process.stdout.write(`${formatFrontCompanies(r)}\n`);
          else throw new UserError('front-companies: --format table or json');
          return;
        }
        const net = await loadNetwork(db);
        const n = neighbourhoodOf(net, id, depth);
        if (!n) throw new UserError(`no entity "${id}" in the lists or imported datasets (ids look like ofac-17069, un-KPe.001, or an imported id)`);
        if (opts.format === 'json') printJson({ ...n, versions: net.versions, datasets: net.datasets });
        else if (opts.format === 'gexf') process.stdout.write(toGexf(n, `Chokepoint network of ${n.root}, depth ${depth}; lists ${net.versions.join(', ')}`));
        else if (opts.format === 'ftm') process.stdout.write(toFtmLines(n));
        else process.stdout.write(`${formatNeighbourhood(n)}\n`);
      });
    });
}
