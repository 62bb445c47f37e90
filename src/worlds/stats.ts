/** Counts and the evidence index of a world: what `world stats` and `world evidence` print. */
import type { World } from '../domain/world.js';

export interface WorldStats {
  actors: number;
  ties: number;
  observations: number;
  events: number;
  corridors: number;
  memberships: number;
  claims: number;
  evidence: number;
  capabilities: number;
}

/**
 * Counts of a world's sections (`ties` counts dyad × dimension series).
 *
 * @example
 * worldStats(openWorld('eurasia')).actors; // ≥ 25
 */
export function worldStats(world: World): WorldStats {
  return {
    actors: world.actors.length,
    ties: world.ties.length,
    observations: world.ties.reduce((n, t) => n + t.observations.length, 0),
    events: world.events.length,
    corridors: world.corridors.length,
    memberships: world.memberships.length,
    claims: world.claims.length,
    evidence: world.evidence.length,
    capabilities: world.capabilities.length,
  };
}

export interface EvidenceEntry {
  id: string;
  source: string;
  quote?: string;
  rows?: Record<string, string | number>[];
  note?: string;
  usedBy: string[];
}

/**
 * Every evidence record with the facts that cite it. Facts without an id of their own are named
 * by what they are: `tie:IND-RUS:military@2021-12`, `membership:PAK∈SCO@2017-06`, `capability:RUS@2016`,
 * `status:CPEC@2015-04`.
 *
 * @example
 * evidenceIndex(world).find((e) => e.id === 'ev-druzhba')?.usedBy; // ['event:druzhba-2016', …]
 */
export function evidenceIndex(world: World): EvidenceEntry[] {
  const used = new Map<string, string[]>(world.evidence.map((e) => [e.id, []]));
  const cite = (ids: readonly string[], by: string) => {
    for (const id of ids) used.get(id)?.push(by);
  };
  for (const a of world.actors) cite(a.evidence, `actor:${a.id}`);
  for (const c of world.capabilities) cite(c.evidence, `capability:${c.actor}@${c.year}`);
  for (const t of world.ties) {
    for (const o of t.observations) cite(o.evidence, `tie:${t.a}-${t.b}:${t.dimension}@${o.at}`);
  }
  for (const e of world.events) cite(e.evidence, `event:${e.id}`);
  for (const c of world.corridors) {
    cite(c.evidence, `corridor:${c.id}`);
    for (const s of c.statuses) cite(s.evidence, `status:${c.id}@${s.from}`);
    if (c.waypoints) cite(c.waypoints.evidence, `waypoints:${c.id}`);
  }
  for (const m of world.memberships) cite(m.evidence, `membership:${m.actor}∈${m.org}@${m.from}`);
  for (const c of world.claims) cite(c.evidence, `claim:${c.id}`);
  return world.evidence.map((e) => ({
    id: e.id,
    source: e.source,
    ...(e.quote !== undefined && { quote: e.quote }),
    ...(e.rows !== undefined && { rows: e.rows }),
    ...(e.note !== undefined && { note: e.note }),
    usedBy: used.get(e.id) ?? [],
  }));
}
