/**
 * The workbench state and its place in the URL hash, so a view can be shared by copying the
 * address: `#world=eurasia&at=2016-09&dim=military&tab=network&pair=IND~RUS&tri=CHN~IND~PAK`.
 */
import { LAYERS, type LayerName } from '../../src/api/client.js';

export const TABS = [
  'network',
  'map',
  'triangles',
  'balancers',
  'scenarios',
  'bargaining',
  'read',
  'events',
  'claims',
  'backtest',
] as const;
export type Tab = (typeof TABS)[number];

export interface AppState {
  world: string;
  at: string;
  dimension: LayerName;
  tab: Tab;
  /** The dyad whose evidence drawer is open. */
  pair?: [string, string];
  /** The triangle in the inspector. */
  tri?: [string, string, string];
  /** The actor the map colours others by, and the balancers table is about. */
  focus?: string;
  /** The bargaining issue. */
  issue?: string;
}

/** Reads what the hash says; missing or malformed parts are left out. */
export function parseHash(hash: string): Partial<AppState> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const out: Partial<AppState> = {};
  const world = p.get('world');
  if (world && /^[A-Za-z][\w.:-]*$/.test(world)) out.world = world;
  const at = p.get('at');
  if (at && /^\d{4}-\d{2}$/.test(at)) out.at = at;
  const dim = p.get('dim');
  if (dim && (LAYERS as readonly string[]).includes(dim)) out.dimension = dim as LayerName;
  const tab = p.get('tab');
  if (tab && (TABS as readonly string[]).includes(tab)) out.tab = tab as Tab;
  const pair = p.get('pair')?.split('~');
  if (pair?.length === 2) out.pair = [pair[0]!, pair[1]!];
  const tri = p.get('tri')?.split('~');
  if (tri?.length === 3) out.tri = [tri[0]!, tri[1]!, tri[2]!];
  const focus = p.get('focus');
  if (focus) out.focus = focus;
  const issue = p.get('issue');
  if (issue) out.issue = issue;
  return out;
}

/** Writes the state as a hash (`~` between ids stays readable: encodeURIComponent keeps it). */
export function toHash(s: AppState): string {
  const parts: [string, string | undefined][] = [
    ['world', s.world],
    ['at', s.at],
    ['dim', s.dimension],
    ['tab', s.tab],
    ['pair', s.pair?.join('~')],
    ['tri', s.tri?.join('~')],
    ['focus', s.focus],
    ['issue', s.issue],
  ];
  return `#${parts
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}

type Listener = (state: AppState, previous: AppState) => void;

/** The one mutable state of the page; views subscribe and call `update`. */
export class Store {
  #state: AppState;
  readonly #listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.#state = initial;
  }

  get state(): AppState {
    return this.#state;
  }

  update(patch: Partial<AppState>): void {
    const previous = this.#state;
    const next = { ...previous, ...patch };
    for (const key of Object.keys(patch) as (keyof AppState)[]) {
      if (patch[key] === undefined) delete next[key];
    }
    this.#state = next;
    const hash = toHash(next);
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
    for (const l of [...this.#listeners]) l(next, previous);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
