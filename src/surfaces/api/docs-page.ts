/** The /docs page: the OpenAPI document rendered as one self-contained HTML page (no scripts, no CDN, no fonts). */

type Json = Record<string, unknown>;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
const refName = (ref: string) => ref.split('/').pop() ?? ref;

/** A schema in one line: a link for a $ref, a short type description otherwise. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return `<a href="#schema-${esc(refName(schema.$ref))}">${esc(refName(schema.$ref))}</a>`;
  for (const k of ['anyOf', 'oneOf'] as const) if (Array.isArray(schema[k])) return (schema[k] as Json[]).map(typeOf).join(' | ');
  if (Array.isArray(schema.allOf)) return (schema.allOf as Json[]).map(typeOf).join(' &amp; ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json)}[]`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return `{[key]: ${typeOf(schema.additionalProperties as Json)}}`;
  }
  return esc(Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type ?? 'any');
}

function content(c: Json | undefined): string {
  if (!c) return '';
  return Object.entries(c).map(([mime, v]) => `<code>${esc(mime)}</code> ${typeOf((v as Json).schema as Json)}`).join('<br>');
}

function operation(path: string, method: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const rows = params.map((p) => {
    const sc = (p.schema as Json | undefined) ?? {};
    return `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${typeOf(sc)}</td>`
      + `<td>${sc.default !== undefined ? `<code>${esc(JSON.stringify(sc.default))}</code>` : ''}</td><td>${esc(sc.description ?? p.description ?? '')}</td></tr>`;
  }).join('');
  const body = op.requestBody as Json | undefined;
  const responses = Object.entries((op.responses as Json | undefined) ?? {})
    .map(([code, r]) => `<li><b>${esc(code)}</b> ${esc((r as Json).description)} ${content((r as Json).content as Json)}</li>`).join('');
  return `<section class="op" id="${esc(method)}-${esc(path)}"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>`
    + `<p><b>${esc(op.summary)}</b></p>${op.description ? `<p>${esc(op.description)}</p>` : ''}`
    + (rows ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th><th>Default</th><th>Description</th></tr>${rows}</table>` : '')
    + (body ? `<p>Request body: ${content(body.content as Json)}</p>` : '')
    + `<ul>${responses}</ul></section>`;
}

export function docsPage(spec: Json): string {
  const info = spec.info as Json;
  const ops: { tag: string; html: string; path: string; method: string; summary: string }[] = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const o = op as Json;
      ops.push({ tag: ((o.tags as string[] | undefined) ?? ['Other'])[0], html: operation(path, method, o), path, method, summary: String(o.summary ?? '') });
    }
  }
  const tags = [...new Set(ops.map((o) => o.tag))];
  const schemas = Object.entries(((spec.components as Json | undefined)?.schemas as Json | undefined) ?? {});
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}.op{border-top:1px solid #ccc;padding-top:.5rem}
.m{display:inline-block;min-width:3.5rem;text-align:center;color:#fff;border-radius:3px;font-size:12px;padding:2px 4px}
.get{background:#2b6cb0}.post{background:#2f855a}a{color:#2b6cb0}</style></head><body>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI ${esc(spec.openapi)}).</p>
<h2>Endpoints</h2><ul>${ops.map((o) => `<li><a href="#${esc(o.method)}-${esc(o.path)}"><code>${esc(o.method.toUpperCase())} ${esc(o.path)}</code></a> ${esc(o.summary)}</li>`).join('')}</ul>
${tags.map((t) => `<h2>${esc(t)}</h2>${ops.filter((o) => o.tag === t).map((o) => o.html).join('')}`).join('\n')}
<h2>Schemas</h2>${schemas.map(([name, sc]) => `<h3 id="schema-${esc(name)}">${esc(name)}</h3><pre>${esc(JSON.stringify(sc, null, 2))}</pre>`).join('\n')}
</body></html>`;
}
