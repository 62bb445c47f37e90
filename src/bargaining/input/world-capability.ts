/**
 * Capabilities from a world: an actor's CINC (COW National Material Capabilities) as of a date.
 * Non-state actors and organisations have none and must state theirs in the issue.
 */
import { openWorld } from '../../worlds/open-world.js';
import { capabilitiesAt } from '../../worlds/snapshot.js';
import type { CapabilitySource } from './issue-yaml.js';

/**
 * @example
 * worldCapabilities('eurasia', '2017')('RUS'); // ≈ 0.0358
 */
export const worldCapabilities: CapabilitySource = (world, at) => {
  const byActor = capabilitiesAt(openWorld(world), at);
  return (actorId) => byActor[actorId]?.cinc;
};
