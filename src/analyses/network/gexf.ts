/**
 * A neighbourhood as GEXF 1.3 (Gephi's format: https://gexf.net/schema.html): nodes with schema, datasets, topics and
 * kind; edges with type, record, version and evidence; shared attributes and matches are undirected.
 */
import type { Neighbourhood } from './network.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // XML 1.0 forbids most control characters even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const att = (id: string, value: string) => `<attvalue for="${id}" value="${esc(value)}"/>`;

export function toGexf(n: Neighbourhood, description: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>Chokepoint</creator><description>${esc(description)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="schema" title="schema" type="string"/>',
    '      <attribute id="datasets" title="datasets" type="string"/>',
    '      <attribute id="topics" title="topics" type="string"/>',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="distance" title="distance" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="record" title="record" type="string"/>',
    '      <attribute id="version" title="version" type="string"/>',
    '      <attribute id="evidence" title="evidence" type="string"/>',
    '      <attribute id="percentage" title="percentage" type="double"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const v of n.nodes) {
    out.push(`      <node id="${esc(v.id)}" label="${esc(v.caption)}"><attvalues>${att('schema', v.schema)}${att('datasets', v.datasets.join(' '))}`
      + `${att('topics', v.topics.join(' '))}${att('kind', v.kind)}${att('distance', String(v.distance))}</attvalues></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  n.edges.forEach((e, i) => {
    const ev = [e.evidence.value, e.evidence.normalized ? `normalized: ${e.evidence.normalized}` : '', e.evidence.targetRecord ? `also ${e.evidence.targetRecord}` : ''].filter(Boolean).join('; ');
    out.push(`      <edge id="e${i}" source="${esc(e.source)}" target="${esc(e.target)}" label="${esc(e.type)}"${e.directed ? '' : ' type="undirected"'}>`
      + `<attvalues>${att('type', e.type)}${att('record', e.evidence.record)}${att('version', e.version)}${att('evidence', ev)}`
      + `${e.percentage !== undefined ? att('percentage', String(e.percentage)) : ''}</attvalues></edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>');
  return `${out.join('\n')}\n`;
}
