/**
 * When an actor exists: an optional `since` (founding, independence) and `until` (dissolution,
 * succession), both read at their own resolution, like every date in a world. A world's period may
 * start long before some of its actors (post-Soviet states, organisations, armed groups), and a
 * view or analysis at a date must not show an actor that did not exist then.
 */
import { endOf, startOf } from './time.js';

export interface Lifetime {
  since?: string | undefined;
  until?: string | undefined;
}

/**
 * Whether the actor exists as of the end of `at` (it has begun, and has not ended before then).
 *
 * @example
 * existsAt({ since: '2001-06' }, '2001-06'); // true
 * existsAt({ since: '2001-06' }, '2000'); // false
 * existsAt({ until: '2001-06' }, '2001'); // false: as of the end of 2001 it had ended
 */
export function existsAt(life: Lifetime, at: string): boolean {
  const asOf = endOf(at);
  return (!life.since || startOf(life.since) <= asOf) && (!life.until || endOf(life.until) >= asOf);
}

/**
 * Whether an interval [from, to] (open-ended when `to` is absent) lies within the lifetime.
 *
 * @example
 * withinLifetime({ since: '1996-04', until: '2001-06' }, '1996-04', '2001-06'); // true
 * withinLifetime({ since: '2015-01' }, '2014-06'); // false
 */
export function withinLifetime(life: Lifetime, from: string, to?: string): boolean {
  if (life.since && endOf(from) < startOf(life.since)) return false;
  if (life.until && (!to || startOf(to) > endOf(life.until))) return false;
  return true;
}

/** "since 2001-06", "1996-04 to 2001-06", "until 1991-12" (for messages). */
export function describeLifetime(life: Lifetime): string {
  if (life.since && life.until) return `${life.since} to ${life.until}`;
  return life.since ? `since ${life.since}` : `until ${life.until}`;
}
