import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportSnapshot } from '../src/worlds/export/index.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { cli } from './helpers/cli.js';

const world = loadWorld('test/fixtures/mini-world');
const snap = snapshot(world, '2012');

function wellFormed(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

describe('exports open in graph tools', () => {
  it('GEXF 1.3: well-formed, declared attributes, read back by a GEXF parser with signed values', () => {
    const text = exportSnapshot(snap, 'gexf');
    const doc = wellFormed(text);
    const root = doc.documentElement;
    expect(root.tagName).toBe('gexf');
    expect(root.getAttribute('version')).toBe('1.3');
    expect(root.getAttribute('xmlns')).toBe('http://gexf.net/1.3');
    const declared = new Set(
      Array.from(doc.getElementsByTagName('attribute')).map((a) => (a as Element).getAttribute('id')),
    );
    for (const v of Array.from(doc.getElementsByTagName('attvalue'))) {
      expect(declared.has((v as Element).getAttribute('for'))).toBe(true);
    }
    const g = gexf.parse(Graph as unknown as Parameters<typeof gexf.parse>[0], text);
    expect(g.order).toBe(world.actors.length);
    expect(g.size).toBe(snap.ties.length);
    const edge = g
      .edges()
      .find((e) => g.source(e) === 'BBB' || (g.target(e) === 'BBB' && g.source(e) === 'CCC'));
    expect(edge).toBeDefined();
    const values = g
      .edges()
      .map((e) => g.getEdgeAttribute(e, 'value') as number)
      .sort();
    expect(values).toEqual(snap.ties.map((t) => t.value).sort());
    expect(g.getNodeAttribute('AAA', 'cinc')).toBe(0.03);
  });

  it('GraphML: well-formed, typed keys, read back by a GraphML parser', () => {
    const text = exportSnapshot(snap, 'graphml');
    const doc = wellFormed(text);
    expect(doc.documentElement.tagName).toBe('graphml');
    const keys = new Set(
      Array.from(doc.getElementsByTagName('key')).map((k) => (k as Element).getAttribute('id')),
    );
    for (const d of Array.from(doc.getElementsByTagName('data'))) {
      expect(keys.has((d as Element).getAttribute('key'))).toBe(true);
    }
    const g = graphml.parse(Graph as unknown as Parameters<typeof graphml.parse>[0], text);
    expect(g.order).toBe(world.actors.length);
    expect(g.size).toBe(snap.ties.length);
    const neg = g.edges().filter((e) => (g.getEdgeAttribute(e, 'sign') as number) < 0);
    expect(neg).toHaveLength(snap.ties.filter((t) => t.value < 0).length);
  });

  it('CSV: header and one quoted-safe row per tie', () => {
    const lines = exportSnapshot(snap, 'csv').trim().split('\n');
    expect(lines[0]).toBe('source,target,layer,value,sign,confidence,observed,evidence');
    expect(lines).toHaveLength(snap.ties.length + 1);
  });

  it('the CLI writes a file and rejects an unknown format with exit 1', () => {
    const bad = cli(['export', 'pdf', '--world', 'test/fixtures/mini-world']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown export format 'pdf'.*gexf, graphml, csv, json/);
    const ok = cli(['export', 'json', '--world', 'test/fixtures/mini-world', '--at', '2012']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).edges).toHaveLength(snap.ties.length);
  });
});
