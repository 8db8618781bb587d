import type { Command } from 'commander';
import Table from 'cli-table3';
import { SCOPES, createToken, listTokens, revokeToken, type Scope } from '../../../store/access.js';
import { readAudit } from '../../../store/audit.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

/** `chokepoint token create|list|revoke` and `chokepoint audit`: access control and the screening audit trail. */
export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens: writes (uploads, evidence, imports) and admin need one; reads too off loopback');
  token
    .command('create <name>')
    .description('make a token; its secret is printed once and stored only as a hash')
    .option('--scope <scope>', `one of ${SCOPES.join(', ')}`, 'read')
    .action(async (name: string, o: { scope: string }, cmd: Command) => {
      if (!SCOPES.includes(o.scope as Scope)) throw new UserError(`--scope is one of ${SCOPES.join(', ')}`);
      if (!/^[\w.@-]{1,100}$/.test(name)) throw new UserError('a token name is 1-100 letters, digits, _ . @ -');
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        if ((await listTokens(db)).some((t) => t.name === name)) throw new UserError(`a token named "${name}" exists: revoke it or pick another name`);
        const made = await createToken(db, name, o.scope as Scope);
        process.stderr.write(`token "${name}" (${o.scope}) made; keep the secret below, it is not shown again:\n`);
        process.stdout.write(`${made.token}\n`);
      });
    });
  token
    .command('list')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const rows = await listTokens(db);
        if (o.json) return printJson({ tokens: rows });
        const t = new Table({ head: ['name', 'scope', 'created', 'last used', 'revoked'] });
        for (const r of rows) t.push([r.name, r.scope, r.created_at, r.last_used_at ?? '', r.revoked_at ?? '']);
        process.stdout.write(`${t.toString()}\n`);
      });
    });
  token
    .command('revoke <name>')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        if (!(await revokeToken(db, name))) throw new UserError(`no live token named "${name}"`);
        process.stderr.write(`token "${name}" revoked (running servers stop accepting it within 30 s)\n`);
      });
    });

  program
    .command('audit')
    .description('the screening audit trail: what was screened, by whom, against which list versions')
    .option('--date <day>', 'a UTC day, YYYY-MM-DD')
    .option('--query-hash <sha256>', 'one query, by the hash the trail keeps')
    .option('--limit <n>', 'most entries', '1000')
    .option('--json', 'machine-readable output')
    .action(async (o: { date?: string; queryHash?: string; limit: string; json?: boolean }, cmd: Command) => {
      if (o.date && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new UserError('--date is a UTC day, YYYY-MM-DD');
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError('--limit must be a whole number from 1');
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const entries = await readAudit(db, { ...(o.date ? { day: o.date } : {}), ...(o.queryHash ? { queryHash: o.queryHash } : {}), limit });
        if (o.json) return printJson({ entries });
        const t = new Table({ head: ['at', 'who', 'endpoint', 'queries', 'lists', 'matches', 'query hash'] });
        for (const e of entries) {
          const matches = Object.values(e.results).flat().filter((r) => r.match).map((r) => r.id);
          t.push([e.at, e.who, `${e.endpoint}${e.dataset ? `/${e.dataset}` : ''}`, e.queries, e.versions.join(' '), matches.join(' '), e.queryHash.slice(0, 16)]);
        }
        process.stdout.write(`${t.toString()}\n${entries.length} entries\n`);
      });
    });
}
