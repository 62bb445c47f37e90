/**
 * Cross-reference checks that a schema alone cannot express: unique ids, known actors and
 * evidence, interval order, one `meta`. Each problem points at file, line and field.
 *
 * Derived against curated (src/domain/world-source.ts): a tie series without `origin` is curated,
 * one with an origin is derived. One series per dyad, dimension and origin: a derived series may sit
 * beside the curated one, but two curated series, or two of one origin, are refused, and no series
 * may call its origin `curated` (the name snapshots give curated values), so the two never mix.
 */

import { claimTestActors, claimTests } from '../domain/claim-test.js';
import type { Problem } from '../domain/errors.js';
import { describeLifetime, type Lifetime, withinLifetime } from '../domain/lifetime.js';
import { endOf, isDate, startOf } from '../domain/time.js';
import { CURATED_ORIGIN } from '../domain/world-source.js';
import type { Located, MergedSections } from './read-world-files.js';
import { unknownIdHint } from './suggest.js';
import { type DataPath, fieldName } from './yaml-source.js';

/** A message naming another item's line is a function, so only the problems kept locate that line. */
type Report = (
  item: Located<unknown>,
  sub: DataPath,
  message: string | (() => string),
  hint?: string,
) => void;

/** Problems kept (up to a cap, each located) and the count of all found. */
export interface Found {
  problems: Problem[];
  total: number;
}

/** Keeps the first `cap` problems and only counts the rest, so many errors cost no more than a few. */
export function keep(found: Found, cap: number, problem: () => Problem): void {
  found.total++;
  if (found.problems.length < cap) found.problems.push(problem());
}

function reporter(found: Found, cap: number): Report {
  return (item, sub, message, hint) =>
    keep(found, cap, () => ({
      file: item.file,
      line: item.line(sub),
      field: fieldName([...item.path, ...sub]),
      message: typeof message === 'string' ? message : message(),
      hint,
    }));
}

function checkUnique(items: Located<{ id: string }>[], what: string, report: Report): Set<string> {
  const seen = new Map<string, Located<{ id: string }>>();
  for (const item of items) {
    const first = seen.get(item.value.id);
    if (first) {
      report(
        item,
        ['id'],
        () =>
          `duplicate ${what} id '${item.value.id}' (first defined in ${first.file} line ${first.line(['id'])})`,
        'give each one its own id, or merge the two entries',
      );
    } else seen.set(item.value.id, item);
  }
  return new Set(seen.keys());
}

/** Two intervals [from, to] (to open-ended when absent) that share at least one day. */
function overlaps(a: { from: string; to?: string }, b: { from: string; to?: string }): boolean {
  const aEnd = a.to ? endOf(a.to) : '9999-12-31';
  const bEnd = b.to ? endOf(b.to) : '9999-12-31';
  return startOf(a.from) <= bEnd && startOf(b.from) <= aEnd;
}

/** Returns the cross-reference problems in the merged sections: the first `maxProblems` and the count of all. */
export function checkWorld(s: MergedSections, maxProblems = Number.POSITIVE_INFINITY): Found {
  const found: Found = { problems: [], total: 0 };
  const report = reporter(found, maxProblems);

  if (s.meta.length !== 1) {
    keep(found, maxProblems, () => ({
      file: s.meta[1]?.file,
      line: s.meta[1]?.line(),
      field: 'meta',
      message: s.meta.length === 0 ? 'the world has no meta section' : 'meta appears more than once',
      hint: 'exactly one file of a world carries `meta: {id, name, period}`',
    }));
  }
  for (const m of s.meta) {
    const { from, to } = m.value.period;
    if (startOf(from) > endOf(to)) {
      report(m, ['period'], `period starts (${from}) after it ends (${to})`, 'swap from and to');
    }
  }

  const sourceIds = checkUnique(s.sources, 'source', report);
  const evidenceIds = checkUnique(s.evidence, 'evidence', report);
  const actorIds = checkUnique(s.actors, 'actor', report);
  checkUnique(s.events, 'event', report);
  checkUnique(s.corridors, 'corridor', report);
  checkUnique(s.claims, 'claim', report);
  const sourceKind = new Map(s.sources.map((x) => [x.value.id, x.value.kind]));
  const orgIds = new Set(
    s.actors.filter((a) => a.value.kind === 'organization' || a.value.kind === 'bloc').map((a) => a.value.id),
  );

  for (const e of s.evidence) {
    const kind = sourceKind.get(e.value.source);
    if (!kind) {
      report(
        e,
        ['source'],
        `evidence '${e.value.id}' cites unknown source '${e.value.source}'`,
        unknownIdHint(e.value.source, sourceIds, 'sources'),
      );
    } else if (kind === 'document' && !e.value.quote) {
      report(
        e,
        [],
        `evidence '${e.value.id}' cites a document but gives no quote`,
        'add `quote:` with the verbatim words',
      );
    } else if (kind === 'dataset' && !e.value.rows) {
      report(
        e,
        [],
        `evidence '${e.value.id}' cites a dataset but gives no row keys`,
        'add `rows: [{…keys…}]`',
      );
    }
  }

  const actor = (item: Located<unknown>, sub: DataPath, id: string) => {
    if (!actorIds.has(id)) report(item, sub, `unknown actor '${id}'`, unknownIdHint(id, actorIds, 'actors'));
  };
  const cites = (item: Located<unknown>, sub: DataPath, ids: readonly string[]) => {
    ids.forEach((id, i) => {
      if (!evidenceIds.has(id)) {
        report(
          item,
          [...sub, 'evidence', i],
          `unknown evidence '${id}'`,
          unknownIdHint(id, evidenceIds, 'evidence'),
        );
      }
    });
  };

  const lifetimes = new Map<string, Lifetime>();
  for (const a of s.actors) {
    cites(a, [], a.value.evidence);
    const { since, until } = a.value;
    // malformed dates are the schema's to report; a lifetime needs both ends readable
    if ((since !== undefined && !isDate(since)) || (until !== undefined && !isDate(until))) continue;
    if (since && until && endOf(until) < startOf(since)) {
      report(a, ['until'], `actor ends (${until}) before it begins (${since})`, 'swap since and until');
    } else if (since || until) lifetimes.set(a.value.id, { since, until });
  }
  /** A dated fact about actors must fall within each one's lifetime. */
  const alive = (item: Located<unknown>, sub: DataPath, ids: string[], from: string, to?: string) => {
    if (!isDate(from) || (to !== undefined && !isDate(to))) return;
    for (const id of ids) {
      const life = lifetimes.get(id);
      if (life && !withinLifetime(life, from, to)) {
        report(
          item,
          sub,
          `'${id}' exists ${describeLifetime(life)}, but this is dated ${to ? `${from} to ${to}` : from}`,
          `date it within ${id}'s lifetime, or correct ${id}'s since/until`,
        );
      }
    }
  };
  const capSeen = new Set<string>();
  for (const c of s.capabilities) {
    actor(c, ['actor'], c.value.actor);
    for (const supplier of Object.keys(c.value.armsImports ?? {}))
      actor(c, ['armsImports', supplier], supplier);
    cites(c, [], c.value.evidence);
    const key = `${c.value.actor}@${c.value.year}`;
    if (capSeen.has(key))
      report(
        c,
        ['year'],
        `second capability record for ${c.value.actor} in ${c.value.year}`,
        'keep one record per actor and year',
      );
    capSeen.add(key);
  }

  const series = new Map<string, Located<unknown>>();
  for (const t of s.ties) {
    const { a, b, dimension, directed, origin } = t.value;
    actor(t, ['a'], a);
    actor(t, ['b'], b);
    if (a === b) report(t, ['b'], `a tie from '${a}' to itself`, 'a tie joins two different actors');
    if (origin === CURATED_ORIGIN) {
      report(
        t,
        ['origin'],
        `origin '${CURATED_ORIGIN}' is reserved for the world's own series`,
        'leave origin out for a curated series; a derived one names its source (e.g. events)',
      );
    }
    // One series per dyad, dimension and origin: a derived source may sit beside a curated series.
    const dyad = directed ? `${a}>${b}:${dimension}` : `${[a, b].sort().join('-')}:${dimension}`;
    const key = `${dyad}@${origin ?? ''}`;
    const first = series.get(key);
    if (first) {
      const from = origin ? ` from '${origin}'` : '';
      report(
        t,
        [],
        () =>
          `a second ${dimension} series${from} for ${a}–${b} (first in ${first.file} line ${first.line()})`,
        'put all observations of one dyad, dimension and origin in one series',
      );
    } else series.set(key, t);
    const obs = t.value.observations;
    obs.forEach((o, i) => {
      cites(t, ['observations', i], o.evidence);
      alive(t, ['observations', i, 'at'], [a, b], o.at, o.until ?? o.at);
      if (o.until && endOf(o.until) < startOf(o.at)) {
        report(
          t,
          ['observations', i, 'until'],
          `observation ends (${o.until}) before it starts (${o.at})`,
          'until must not precede at',
        );
      }
      const prev = obs[i - 1];
      if (prev) {
        if (startOf(o.at) <= startOf(prev.at)) {
          report(
            t,
            ['observations', i, 'at'],
            `observations out of order or repeated: ${o.at} after ${prev.at}`,
            'list observations by increasing date, one per date',
          );
        } else if (prev.until && endOf(prev.until) >= startOf(o.at)) {
          report(
            t,
            ['observations', i - 1, 'until'],
            `observation valid until ${prev.until} overlaps the next one at ${o.at}`,
            'end it before the next observation starts',
          );
        }
      }
    });
  }

  for (const e of s.events) {
    actor(e, ['source'], e.value.source);
    actor(e, ['target'], e.value.target);
    alive(e, ['date'], [e.value.source, e.value.target], e.value.date, e.value.date);
    cites(e, [], e.value.evidence);
  }

  for (const c of s.corridors) {
    c.value.participants.forEach((p, i) => {
      actor(c, ['participants', i], p);
    });
    c.value.route.forEach((p, i) => {
      actor(c, ['route', i], p);
    });
    cites(c, [], c.value.evidence);
    if (c.value.waypoints) cites(c, ['waypoints'], c.value.waypoints.evidence);
    const st = c.value.statuses;
    st.forEach((x, i) => {
      cites(c, ['statuses', i], x.evidence);
      if (x.to && endOf(x.to) < startOf(x.from)) {
        report(
          c,
          ['statuses', i, 'to'],
          `status interval ends (${x.to}) before it starts (${x.from})`,
          'swap from and to',
        );
        return;
      }
      const prev = st[i - 1];
      if (prev && overlaps(prev, x)) {
        report(
          c,
          ['statuses', i, 'from'],
          `status '${x.status}' from ${x.from} overlaps '${prev.status}' (${prev.from}–${prev.to ?? 'open'})`,
          'end the earlier status before the next begins',
        );
      }
    });
  }
  const corridorIds = new Set(s.corridors.map((c) => c.value.id));
  for (const c of s.corridors) {
    if (c.value.parent && !corridorIds.has(c.value.parent)) {
      report(
        c,
        ['parent'],
        `unknown parent corridor '${c.value.parent}'`,
        unknownIdHint(c.value.parent, corridorIds, 'corridors'),
      );
    }
  }

  const byPair = new Map<string, Located<{ from: string; to?: string }>[]>();
  for (const m of s.memberships) {
    actor(m, ['actor'], m.value.actor);
    actor(m, ['org'], m.value.org);
    if (actorIds.has(m.value.org) && !orgIds.has(m.value.org)) {
      report(
        m,
        ['org'],
        `'${m.value.org}' is not an organization or bloc`,
        'memberships join an actor of kind organization or bloc',
      );
    }
    cites(m, [], m.value.evidence);
    if (m.value.to && endOf(m.value.to) < startOf(m.value.from)) {
      report(
        m,
        ['to'],
        `membership ends (${m.value.to}) before it starts (${m.value.from})`,
        'swap from and to',
      );
      continue;
    }
    alive(m, ['from'], [m.value.actor, m.value.org], m.value.from, m.value.to);
    const key = `${m.value.actor}∈${m.value.org}`;
    for (const other of byPair.get(key) ?? []) {
      if (overlaps(other.value, m.value)) {
        report(
          m,
          ['from'],
          () =>
            `overlaps another ${m.value.actor} membership of ${m.value.org} (${other.file} line ${other.line()})`,
          'merge the two intervals or make them disjoint',
        );
      }
    }
    byPair.set(key, [...(byPair.get(key) ?? []), m]);
  }

  for (const c of s.claims) {
    c.value.about.forEach((id, i) => {
      actor(c, ['about', i], id);
    });
    claimTests(c.value).forEach((t, i) => {
      const at: DataPath = Array.isArray(c.value.test) ? ['test', i] : ['test'];
      for (const [key, ids] of Object.entries(claimTestActors(t))) {
        const single = key === 'tilt' || key === 'pivot' || key === 'outcast';
        ids.forEach((id, j) => {
          actor(c, single ? [...at, key] : [...at, key, j], id);
        });
      }
      if ('over' in t && t.over && endOf(t.over[1]) < startOf(t.over[0])) {
        report(
          c,
          [...at, 'over'],
          `the window ends (${t.over[1]}) before it starts (${t.over[0]})`,
          'swap the two dates',
        );
      }
    });
    cites(c, [], c.value.evidence);
  }
  return found;
}
