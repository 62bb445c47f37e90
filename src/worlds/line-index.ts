/**
 * Maps a data path (`['ties', 3, 'observations', 0]`) to its line in YAML or JSON text without
 * holding the whole file as a syntax tree. A full `yaml` Document of a 3 MB world takes ~450 MB, so
 * one streaming pass of the `yaml` CST parser keeps only the offsets of the top-level entries and of
 * their items (each item's syntax subtree is dropped as soon as the parser has moved two items past
 * it). A path that reaches inside an item is resolved by parsing that item's text alone and adding
 * its offset: the same parser, node ranges and fallback to the nearest existing ancestor as a full
 * Document, at the cost of one small parse per located item.
 */
import { createRequire } from 'node:module';
import type { CST, LineCounter } from 'yaml';
import type { DataPath } from './yaml-source.js';

// The `yaml` library loads only when a problem must be located.
type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | undefined;
/** The `yaml` library, loaded on first use. */
export const yaml = (): YamlLib => {
  yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return yamlLib;
};

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
type Item = CST.CollectionItem;

/** The items of one collection: their keys (maps only), node offsets and text spans. */
interface Items {
  isMap: boolean;
  /** Block items need their column restored when parsed alone; flow items do not. */
  block: boolean;
  keys: string[];
  /** Where the item's node starts (its range in a full Document), or -1 when it has no value. */
  nodes: number[];
  /** Where the item's own text starts (a map entry's key, a sequence item's value) and ends. */
  starts: number[];
  ends: number[];
}

interface Entry {
  key: string;
  /** Offset of the entry's value node (or of its ':' when the value is empty). */
  node: number;
  items: Items | undefined;
}

/** The offsets kept from the streaming pass. */
interface Index {
  root: number | undefined;
  rootIsMap: boolean;
  entries: Entry[];
}

function isCollection(t: CST.Token | null | undefined): t is Collection {
  return t?.type === 'block-map' || t?.type === 'block-seq' || t?.type === 'flow-collection';
}

const isMapToken = (c: Collection) =>
  c.type === 'block-map' || (c.type === 'flow-collection' && c.start.type === 'flow-map-start');

function keyOf(it: Item): string {
  return it.key ? String(yaml().CST.resolveAsScalar(it.key)?.value ?? '') : '';
}

/** A flow sequence item sits in `key` until the parser closes its collection. */
const itemNode = (it: Item, isMap: boolean) => (isMap ? it.value : (it.key ?? it.value));

function firstOffset(it: Item, fallback: number): number {
  return it.start[0]?.offset ?? it.key?.offset ?? it.sep?.[0]?.offset ?? it.value?.offset ?? fallback;
}

function emptyItems(c: Collection): Items {
  return {
    isMap: isMapToken(c),
    block: c.type !== 'flow-collection',
    keys: [],
    nodes: [],
    starts: [],
    ends: [],
  };
}

function record(into: Items, it: Item, end: number): void {
  const node = itemNode(it, into.isMap);
  const start = into.isMap
    ? (it.key?.offset ?? firstOffset(it, end))
    : (node?.offset ?? firstOffset(it, end));
  if (into.isMap) into.keys.push(keyOf(it));
  into.nodes.push(node ? node.offset : -1);
  into.starts.push(start);
  into.ends.push(end);
}

/** Records the finished items of `c` (the parser may still look at its last two) and drops their trees. */
function prune(c: Collection, into: Items): void {
  const done = c.items.length - 2;
  if (done <= 0) return;
  for (let i = 0; i < done; i++) record(into, c.items[i]!, firstOffset(c.items[i + 1]!, 0));
  c.items.splice(0, done);
}

function buildIndex(text: string, lineCounter: LineCounter): Index {
  const { Lexer, Parser } = yaml();
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // what Parser.parse does before the first token
  const pruned = new Map<Collection, Items>();
  let doc: CST.Document | undefined;
  const take = (tokens: Iterable<CST.Token>) => {
    for (const t of tokens) if (t.type === 'document') doc ??= t;
  };
  for (const lexeme of new Lexer().lex(text)) {
    take(parser.next(lexeme));
    const c = parser.stack[2];
    if (isCollection(parser.stack[1]) && isCollection(c)) {
      const into = pruned.get(c) ?? emptyItems(c);
      pruned.set(c, into);
      prune(c, into);
    }
  }
  take(parser.end());
  const top = doc?.value;
  if (!isCollection(top)) return { root: top?.offset, rootIsMap: false, entries: [] };
  const rootIsMap = isMapToken(top);
  const entries = top.items.map((it, i): Entry => {
    const value = itemNode(it, rootIsMap);
    const next = top.items[i + 1];
    const entryEnd =
      top.type === 'flow-collection' ? undefined : next ? firstOffset(next, text.length) : text.length;
    let items: Items | undefined;
    if (isCollection(value)) {
      items = pruned.get(value) ?? emptyItems(value);
      const end = (j: number) => {
        const following = value.items[j + 1];
        if (following) return firstOffset(following, text.length);
        return value.type === 'flow-collection'
          ? (value.end[0]?.offset ?? text.length)
          : (entryEnd ?? text.length);
      };
      value.items.forEach((item, j) => {
        record(items!, item, end(j));
      });
    }
    const sep = it.sep?.find((s) => s.type === 'map-value-ind');
    return {
      key: rootIsMap ? keyOf(it) : String(i),
      node: value?.offset ?? sep?.offset ?? firstOffset(it, 0),
      items,
    };
  });
  return { root: top.offset, rootIsMap, entries };
}

function find(items: Items, key: string | number): number {
  if (!items.isMap) return typeof key === 'number' && key >= 0 && key < items.nodes.length ? key : -1;
  return items.keys.indexOf(String(key));
}

/**
 * A function from data path to 1-based line in `text` (YAML or JSON), or undefined for a path
 * outside any node. The text is indexed on the first call; each later call parses one item at most.
 *
 * @example
 * const line = lineLocator('ties:\n  - a: AAA\n    b: BBB\n');
 * line(['ties', 0, 'b']); // 3
 */
export function lineLocator(text: string): (path: DataPath) => number | undefined {
  let index: Index | undefined;
  let lineCounter: LineCounter | undefined;
  let parsed: { at: number; doc: ReturnType<YamlLib['parseDocument']>; base: number } | undefined;
  const lineAt = (offset: number) => lineCounter!.linePos(offset).line;

  /** Offset of the node at `rest` inside item `i`, parsed alone; its nearest existing ancestor else. */
  const inside = (items: Items, i: number, rest: DataPath): number => {
    const start = items.starts[i]!;
    if (parsed?.at !== start) {
      const column = items.block ? start - text.lastIndexOf('\n', start - 1) - 1 : 0;
      const source = ' '.repeat(column) + text.slice(start, items.ends[i]);
      parsed = {
        at: start,
        base: start - column,
        doc: yaml().parseDocument(source, { prettyErrors: false }),
      };
    }
    const { isNode } = yaml();
    const path = items.isMap ? [items.keys[i]!, ...rest] : rest;
    for (let n = path.length; n >= (items.isMap ? 1 : 0); n--) {
      const node = parsed.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return parsed.base + node.range[0];
    }
    return items.nodes[i]! >= 0 ? items.nodes[i]! : start;
  };

  return (path) => {
    if (!index) {
      lineCounter = new (yaml().LineCounter)();
      index = buildIndex(text, lineCounter);
    }
    if (index.root === undefined) return undefined;
    const [key, at, ...rest] = path;
    const entry =
      key === undefined
        ? undefined
        : index.entries.find((e) => e.key === String(key) && (index!.rootIsMap || typeof key === 'number'));
    if (!entry) return lineAt(index.root);
    const i = at === undefined || !entry.items ? -1 : find(entry.items, at);
    if (i < 0) return lineAt(entry.node);
    const node = entry.items!.nodes[i]!;
    if (rest.length === 0 && !entry.items!.isMap && node >= 0) return lineAt(node);
    return lineAt(node < 0 && !entry.items!.isMap ? entry.items!.starts[i]! : inside(entry.items!, i, rest));
  };
}
