/** Evidence records expanded with their source, as the evidence drawer shows them. */
import { NotFoundError } from '../domain/errors.js';
import type { World } from '../domain/world.js';
import type { EvidenceDetail } from './schemas.js';

/**
 * The evidence record `id` of a world with its source; the grade falls back to the source's.
 *
 * @example
 * evidenceDetail(world, 'ev-druzhba').source.title; // the document the quote comes from
 */
export function evidenceDetail(world: World, id: string): EvidenceDetail {
  const ev = world.evidenceById.get(id);
  if (!ev) throw new NotFoundError(`no evidence '${id}' in world '${world.meta.id}'`);
  const source = world.sources.find((s) => s.id === ev.source);
  if (!source) throw new NotFoundError(`evidence '${id}' cites unknown source '${ev.source}'`);
  return {
    id: ev.id,
    ...(ev.quote !== undefined && { quote: ev.quote }),
    ...(ev.rows !== undefined && { rows: ev.rows }),
    ...(ev.note !== undefined && { note: ev.note }),
    grade: ev.grade ?? source.grade,
    ...(ev.retrieved !== undefined && { retrieved: ev.retrieved }),
    source,
  };
}
