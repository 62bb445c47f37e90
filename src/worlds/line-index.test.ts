import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { lineLocator } from './line-index.js';
import type { DataPath } from './yaml-source.js';

/** The reference: a full Document with node ranges, nearest existing ancestor when a path is missing. */
function documentLine(text: string): (path: DataPath) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Every path in `data`, and beside each a path that goes one step too far. */
function pathsOf(data: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(data)) {
    data.forEach((v, i) => {
      pathsOf(v, [...at, i], out);
    });
    out.push([...at, data.length], [...at, 'missing']);
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) pathsOf(v, [...at, k], out);
    out.push([...at, 'missing', 0]);
  } else out.push([...at, 'deeper']);
  return out;
}

function disagreements(text: string): string[] {
  const expected = documentLine(text);
  const actual = lineLocator(text);
  return pathsOf(parseDocument(text).toJS())
    .filter((p) => expected(p) !== actual(p))
    .map((p) => `${JSON.stringify(p)}: ${actual(p)}, not ${expected(p)}`);
}

const mini = readFileSync(new URL('../../test/fixtures/mini-world/world.yaml', import.meta.url), 'utf8');
const many = Array.from({ length: 40 }, (_, i) =>
  i % 3
    ? `  - { a: AAA, b: X${i}, observations: [{ at: "2001", value: 0.1 }] }`
    : `  - a: AAA\n    b: X${i}\n    observations:\n      - at: "2001"\n\n      # between\n      - {at: "2002"}`,
).join('\n');
const large = mini.replace('\nties:\n', `\nties:\n${many}\n`);
const forms = `# comment
meta:
  id: x   # trailing
  name:
  period: { from: "2000",
    to: 2021-12 }
empty:
tags: !!seq
  - &a1 { k: 1 }
  - *a1
  -
  - |
    block text
  - >-
    folded
  - - nested
    - two
  - ? complex
    : value
  -   spaced: 1
      other: [1, 2,
        3]
  - "multi
    line"
seqtop:
- a: 1
  b: 2
# between
- a: 3

  b: 4
flow: [ {a: 1}, {b: 2}, c: 3, [x, y] ]
dup: 1
dup: 2
last:
  k1: v1
  k2:
    - 1
`;

const moreForms = `---
# a document marker, props on keys and values, explicit keys, block scalars that look like items
"quoted\\tkey": 1
'single': { a: [1, 2],
  b: 3 }
anchored:
  &k key: v
  other: w
propped: &p
  x: 1
  y: [1,
    2]
? explicit
: value
text: |
  - not an item
  also: not a key
plain: a long
  plain scalar
seq:
  - a: 1

# at column 0 inside the sequence
  - a: 2
  -
    b: 3
after: end
...
`;
const rootSeq = '- a: 1\n  b: 2\n- - x\n  - y\n-\n- [1, {z: 2}]\n- k: v\n';
const flowRoot = '{ a: [1, 2, {b: 3}], c: { d: 1,\n  e: [x] }, f: g }\n';

describe('lineLocator', () => {
  it('gives the line a full Document gives, for every path of block YAML', () => {
    expect(disagreements(large)).toEqual([]);
    expect(disagreements(forms)).toEqual([]);
    expect(disagreements(moreForms)).toEqual([]);
    expect(disagreements(rootSeq)).toEqual([]);
    expect(disagreements(flowRoot)).toEqual([]);
    expect(disagreements(large.replaceAll('\n', '\r\n'))).toEqual([]);
  });

  it('gives the same lines in JSON, on one line or pretty-printed', () => {
    const data = load(large);
    expect(disagreements(JSON.stringify(data))).toEqual([]);
    expect(disagreements(JSON.stringify(data, null, 2))).toEqual([]);
  });

  it('locates a missing path at its nearest ancestor, and nothing in an empty file', () => {
    const line = lineLocator('a: 1\nties:\n  - x: 1\n    y: 2\n');
    expect(line(['ties', 0, 'y'])).toBe(4);
    expect(line(['ties', 7, 'y'])).toBe(3);
    expect(line(['nope'])).toBe(1);
    expect(lineLocator('')(['a'])).toBeUndefined();
  });
});
