/**
 * Capability of each actor at a date, from the world's yearly records: the Composite Index of
 * National Capability (Singer, Bremer & Stuckey 1972, "Capability distribution, uncertainty, and
 * major power war, 1820–1965"; COW National Material Capabilities) where present, or military
 * expenditure / personnel. `share` is the actor's part of the total over the actors that have the
 * measure in this snapshot.
 */
import type { Problem } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';

export const CAPABILITY_MEASURES = ['cinc', 'milex', 'milper'] as const;
export type CapabilityMeasure = (typeof CAPABILITY_MEASURES)[number];

export interface CapabilityOptions {
  measure: CapabilityMeasure;
}

export const CAPABILITY_DEFAULTS: Readonly<CapabilityOptions> = Object.freeze({ measure: 'cinc' });

export interface ActorCapability {
  actor: string;
  /** Year of the record used (the latest not after the snapshot date). */
  year: number;
  value: number;
  share: number;
  cinc?: number;
  milex?: number;
  milper?: number;
}

/**
 * An actor's capability on a measure, or undefined when the world has no record for it.
 *
 * @example
 * capabilityOf(snap, 'X', 'cinc'); // 0.021
 */
export function capabilityOf(s: Snapshot, actor: string, measure: CapabilityMeasure): number | undefined {
  return s.capabilities[actor]?.[measure];
}

/**
 * Capabilities of every actor that has the measure, largest first, with a warning per actor
 * lacking it.
 *
 * @example
 * capabilityTable(snap).rows[0]; // { actor, year, value, share, cinc, milex, milper }
 */
export function capabilityTable(
  s: Snapshot,
  options: Partial<CapabilityOptions> = {},
): { rows: ActorCapability[]; warnings: Problem[] } {
  const { measure } = { ...CAPABILITY_DEFAULTS, ...options };
  const warnings: Problem[] = [];
  const rows: ActorCapability[] = [];
  for (const actor of s.actors) {
    const record = s.capabilities[actor.id];
    const value = record?.[measure];
    if (record === undefined || value === undefined) {
      if (actor.kind === 'state')
        warnings.push({ field: actor.id, message: `no ${measure} record by ${s.at}` });
      continue;
    }
    rows.push({
      actor: actor.id,
      year: record.year,
      value,
      share: 0,
      ...(record.cinc !== undefined && { cinc: record.cinc }),
      ...(record.milex !== undefined && { milex: record.milex }),
      ...(record.milper !== undefined && { milper: record.milper }),
    });
  }
  const total = rows.reduce((t, r) => t + r.value, 0);
  for (const r of rows) r.share = total > 0 ? r.value / total : 0;
  rows.sort((x, y) => y.value - x.value || (x.actor < y.actor ? -1 : 1));
  return { rows, warnings };
}
