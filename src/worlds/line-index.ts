/**
 * Maps a data path (`['ties', 3, 'observations', 0]`) to its line in YAML or JSON text without
 * holding the whole file as a syntax tree (a full `yaml` Document of a 3 MB world takes ~450 MB).
 * One pass over the `yaml` lexer's tokens, which already tell block scalars, quotes and flow
 * brackets apart, keeps only where each top-level entry and each of its items starts and ends:
 * block items begin at their collection's column, flow items after a comma at their bracket depth.
 * A path is then resolved by parsing that one item's text alone, padded to its column or wrapped
 * in its brackets so it reads as it did in place: the node ranges and the fallback to the nearest
 * existing ancestor are those of a full Document, at the cost of one small parse per located item.
 */
import { createRequire } from 'node:module';
import type { CST } from 'yaml';
import type { DataPath } from './yaml-source.js';

// The `yaml` library loads only when a problem must be located.
type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | undefined;
/** The `yaml` library, loaded on first use. */
export const yaml = (): YamlLib => {
  yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return yamlLib;
};

/** The items of one collection: where each starts and ends, and its key in a map. */
interface Items {
  isMap: boolean;
  /** A block collection's column; undefined for a flow collection. */
  column: number | undefined;
  keys: string[];
  starts: number[];
  ends: number[];
}

/** The top-level collection (an entry of it is one of its items) and its entries' own items. */
interface Index {
  root: Items;
  /** The items of each entry's value, when that value is a collection. */
  inner: (Items | undefined)[];
}

const PROPS = new Set(['anchor', 'tag']);
const BLANK = new Set(['newline', 'space', 'comment', 'byte-order-mark', 'directive-line']);
const KEYS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

function newItems(isMap: boolean, column: number | undefined): Items {
  return { isMap, column, keys: [], starts: [], ends: [] };
}

function open(items: Items, at: number): void {
  items.starts.push(at);
  items.ends.push(-1);
  if (items.isMap) items.keys.push('');
}

function close(items: Items | undefined, at: number): void {
  if (items && items.ends.length > 0 && items.ends[items.ends.length - 1] === -1)
    items.ends[items.ends.length - 1] = at;
}

function keyOf(type: string, source: string, offset: number): string {
  const token = { type, source, offset, indent: 0 } as CST.FlowScalar;
  return String(yaml().CST.resolveAsScalar(token)?.value ?? source);
}

/** The lexer's tokens with their type and offset (markers that take no text are left out). */
function* tokens(text: string): Generator<{ type: string; source: string; at: number }> {
  const { CST, Lexer } = yaml();
  let offset = 0;
  let scalarNext = false;
  for (const source of new Lexer().lex(text)) {
    if (source === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    if (source === CST.DOCUMENT || source === CST.FLOW_END) continue;
    const type = scalarNext ? 'scalar' : (CST.tokenType(source) ?? 'error');
    scalarNext = false;
    yield { type, source, at: offset };
    offset += source.length;
  }
}

function buildIndex(text: string): Index | undefined {
  let root: Items | undefined;
  const inner: (Items | undefined)[] = [];
  let flow = 0;
  let lineStart = 0;
  let firstOnLine = true;
  /** Where the current entry stands: before its ':', in its value before any content, or past that. */
  let entryState: 'key' | 'value' | 'inside' = 'key';
  let needKey = false;
  let innerNeedsKey = false;
  let pendingEntry = false;
  let pendingItem = false;
  let afterHeader = false;
  const current = () => inner[inner.length - 1];
  const startEntry = (at: number) => {
    close(current(), at);
    close(root, at);
    open(root!, at);
    inner.push(undefined);
    entryState = root!.isMap ? 'key' : 'value';
    needKey = root!.isMap;
    pendingItem = false;
  };
  const startItem = (items: Items, at: number) => {
    close(items, at);
    open(items, at);
    innerNeedsKey = items.isMap;
  };
  for (const { type, source, at } of tokens(text)) {
    // a block scalar's text starts at its line's start, indentation included: it starts nothing
    const blank = BLANK.has(type) || (type === 'scalar' && afterHeader);
    if (!BLANK.has(type)) afterHeader = type === 'block-scalar-header';
    const column = at - lineStart;
    const first = firstOnLine;
    const nl = source.lastIndexOf('\n');
    if (nl >= 0) {
      lineStart = at + nl + 1;
      firstOnLine = nl === source.length - 1;
    } else if (!blank) firstOnLine = false;
    if (blank) continue;
    if (type === 'doc-start' || type === 'doc-end') {
      if (root && flow === 0) break;
      continue;
    }
    if (!root) {
      if (type === 'flow-map-start' || type === 'flow-seq-start') {
        root = newItems(type === 'flow-map-start', undefined);
        flow = 1;
        pendingEntry = true;
        continue;
      }
      if (PROPS.has(type)) continue;
      root = newItems(type !== 'seq-item-ind', column);
      startEntry(at);
      if (type === 'seq-item-ind') continue;
    } else if (root.column !== undefined && flow === 0 && first && column <= root.column) {
      const items = current();
      const sameColumnSeq = items?.column === column && !items.isMap && type === 'seq-item-ind';
      // `? key` then `: value`, and a sequence as a key's value at the key's own column
      const explicitValue = type === 'map-value-ind' && entryState === 'key';
      const valueSeq = root.isMap && entryState === 'value' && type === 'seq-item-ind';
      if (sameColumnSeq) {
        startItem(items, at);
        continue;
      }
      if (!explicitValue && !valueSeq) {
        startEntry(at);
        if (type === 'seq-item-ind') continue;
      }
    } else if (root.column === undefined && pendingEntry && flow === 1) {
      pendingEntry = false;
      startEntry(at);
    }
    const rootLevel = root.column === undefined ? 1 : 0;
    const items = current();
    if (type === 'flow-map-end' || type === 'flow-seq-end') {
      flow--;
      if (items?.column === undefined && flow === rootLevel) close(items, at);
      if (flow === 0 && root.column === undefined) {
        close(items, at);
        close(root, at);
        break;
      }
      continue;
    }
    if (type === 'comma') {
      if (items && items.column === undefined && flow === rootLevel + 1) {
        close(items, at);
        pendingItem = true;
      } else if (flow === rootLevel) {
        close(items, at);
        close(root, at);
        pendingEntry = true;
      }
      continue;
    }
    if (needKey && flow === rootLevel && KEYS.has(type)) {
      root.keys[root.keys.length - 1] = keyOf(type, source, at);
      needKey = false;
    }
    if (entryState === 'key') {
      if (type === 'map-value-ind' && flow === rootLevel) entryState = 'value';
    } else if (entryState === 'value') {
      // the value's first token on a line of its own (an anchor or tag there included) starts a
      // block collection; props beside the key belong to the value and start nothing
      if (type === 'flow-map-start' || type === 'flow-seq-start') {
        entryState = 'inside';
        inner[inner.length - 1] = newItems(type === 'flow-map-start', undefined);
        pendingItem = true;
      } else if (root.column !== undefined && (first || !root.isMap)) {
        entryState = 'inside';
        const block = newItems(type !== 'seq-item-ind', column);
        inner[inner.length - 1] = block;
        startItem(block, at);
      } else if (!PROPS.has(type)) entryState = 'inside';
    } else if (items?.column !== undefined && flow === 0 && first && column === items.column) {
      if (items.isMap || type === 'seq-item-ind') startItem(items, at);
    } else if (items?.column === undefined && items && pendingItem && flow === rootLevel + 1) {
      pendingItem = false;
      startItem(items, at);
    }
    const level = items?.column === undefined ? rootLevel + 1 : 0;
    if (innerNeedsKey && items && flow === level && KEYS.has(type)) {
      items.keys[items.keys.length - 1] = keyOf(type, source, at);
      innerNeedsKey = false;
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
  }
  if (!root) return undefined;
  close(current(), text.length);
  close(root, text.length);
  return { root, inner };
}

function find(items: Items, key: string | number | undefined): number {
  if (key === undefined) return -1;
  if (!items.isMap) return typeof key === 'number' && key >= 0 && key < items.starts.length ? key : -1;
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
  let index: Index | undefined | null;
  let lines: InstanceType<YamlLib['LineCounter']> | undefined;
  let parsed:
    | { items: Items; start: number; end: number; doc: ReturnType<YamlLib['parseDocument']>; base: number }
    | undefined;
  const lineAt = (offset: number) => lines!.linePos(offset).line;

  /** Offset of the node at `path` inside text[start, end) parsed alone, or of its nearest ancestor of `min` steps or more. */
  const inside = (
    items: Items,
    start: number,
    end: number,
    path: DataPath,
    min: number,
  ): number | undefined => {
    if (parsed?.items !== items || parsed.start !== start || parsed.end !== end) {
      const column = items.column === undefined ? 0 : start - text.lastIndexOf('\n', start - 1) - 1;
      const [before, after] =
        items.column !== undefined ? [' '.repeat(column), ''] : items.isMap ? ['{', '}'] : ['[', ']'];
      const source = before + text.slice(start, end) + after;
      parsed = {
        items,
        start,
        end,
        base: start - before.length,
        doc: yaml().parseDocument(source, { prettyErrors: false }),
      };
    }
    const { isNode } = yaml();
    for (let n = path.length; n >= min; n--) {
      const node = parsed.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return parsed.base + node.range[0];
    }
    return undefined;
  };
  const own = (items: Items, key: string | number | undefined) => (items.isMap ? key! : 0);

  const rootOffset = (idx: Index): number | undefined => {
    const end = idx.inner[0]?.ends[0] ?? idx.root.ends[0]!;
    const source = text.slice(0, Math.max(end, 0));
    const contents = yaml().parseDocument(source, { prettyErrors: false }).contents;
    return contents?.range?.[0];
  };
  const entryOffset = (idx: Index, e: number, key: string | number): number | undefined => {
    const start = idx.root.starts[e]!;
    const items = idx.inner[e];
    const end = items && items.ends.length > 0 ? items.ends[0]! : idx.root.ends[e]!;
    return inside(idx.root, start, end, [own(idx.root, key)], 1) ?? rootOffset(idx);
  };

  return (path) => {
    if (index === undefined) {
      lines = new (yaml().LineCounter)();
      lines.addNewLine(0);
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
      index = buildIndex(text) ?? null;
    }
    if (index === null) return undefined;
    const [key, at, ...rest] = path;
    const e = find(index.root, key);
    const found = (offset: number | undefined) => (offset === undefined ? undefined : lineAt(offset));
    if (e < 0) return found(rootOffset(index));
    const items = index.inner[e];
    const i = items ? find(items, at) : -1;
    if (i < 0) return found(entryOffset(index, e, key!));
    const offset = inside(items!, items!.starts[i]!, items!.ends[i]!, [own(items!, at), ...rest], 1);
    return found(offset ?? entryOffset(index, e, key!));
  };
}
