import type { Command } from 'commander';
import { formatNetworkFacts, getAnyEntity, networkFacts } from '../../../analyses/network/entity-detail.js';
import { describeListing, type Entity } from '../../../model/entity.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

/** A readable page about one entity: every value with the record and list version it comes from. */
export function formatEntity(e: Entity): string {
  const lines = [`${e.caption}  [${e.schema}]  id ${e.id}`, `referents: ${e.referents.join(', ')}`, `datasets:  ${e.datasets.join(', ')}`];
  if (e.firstSeen) lines.push(`seen in versions from ${e.firstSeen} to ${e.lastSeen}`);
  lines.push('', 'sanctions:');
  for (const s of e.sanctions) {
    lines.push(`  ${s.authority}: ${s.programs.join(', ')}${s.listingDate ? ` listed ${s.listingDate}` : ''}  (${s.record}, ${s.version})`);
    for (const p of s.provisions ?? []) lines.push(`    - ${p}`);
  }
  if (e.listed.length) {
    lines.push('', 'listing dates:');
    for (const l of e.listed) lines.push(`  ${l.record}: ${describeListing(l)}`);
  }
  lines.push('', e.dprk.length ? 'DPRK-related because:' : 'not DPRK-related by any rule');
  for (const d of e.dprk) lines.push(`  ${d.kind}: ${d.detail}  (${d.record})`);
  lines.push('', 'properties:');
  const byProp = new Map<string, string[]>();
  for (const s of e.statements ?? []) {
    const key = `${s.prop}\u0000${s.value}`;
    byProp.set(key, [...(byProp.get(key) ?? []), `${s.record} ${s.version}`]);
  }
  for (const [key, srcs] of [...byProp].sort()) {
    const [prop, value] = key.split('\u0000');
    lines.push(`  ${prop.padEnd(22)} ${value}   <- ${srcs.join('; ')}`);
  }
  if (e.links.length) {
    lines.push('', 'links:');
    for (const l of e.links) lines.push(`  ${l.type}: ${l.targetName ?? ''}${l.target ? ` -> ${l.target}` : ' (unresolved)'}  (${l.record})`);
  }
  if (e.merge.length) {
    lines.push('', 'merged because:');
    for (const m of e.merge) lines.push(`  ${m.a} + ${m.b}: ${m.rule} (${m.detail})`);
  }
  return lines.join('\n');
}

export function registerEntity(program: Command): void {
  program
    .command('entity <id>')
    .description('everything known about an entity (merged id or any referent, e.g. ofac-17069, un-KPe.001)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const e = await getAnyEntity(db, id);
        if (!e) throw new UserError(`no entity or referent "${id}" (ids look like ofac-17069 or un-KPe.001)`);
        const network = await networkFacts(db, e);
        if (opts.json) printJson({ ...e, network });
        else process.stdout.write(`${formatEntity(e)}${formatNetworkFacts(network).map((l) => `\n${l}`).join('')}\n`);
      });
    });
}
