/**
 * How the scenario file writes each measure a scenario may follow (`follow:` entries, see the
 * scenario format): which key names it and where its actors go, so the form can add an entry and
 * show the actors of one already written. The server checks every entry; this only writes them.
 */

type Path = (string | number)[];

export interface MeasureForm {
  /** The key that names the kind in an entry. */
  key: string;
  /** For `measure:` entries, the value that names the kind (`{ measure: frustration }`). */
  value?: string;
  label: string;
  /** Where each actor goes inside the entry, with what the actor is in words. */
  slots: readonly { path: Path; role: string }[];
}

const pair = (key: string, roles: [string, string]) => roles.map((role, k) => ({ path: [key, k], role }));

export const MEASURE_FORMS: readonly MeasureForm[] = Object.freeze([
  {
    key: 'triangle',
    label: 'Strategic triangle (type, pivot)',
    slots: [0, 1, 2].map((k) => ({ path: ['triangle', k], role: `actor ${k + 1}` })),
  },
  {
    key: 'tilt',
    label: 'Tilt between a rival pair',
    slots: [{ path: ['tilt'], role: 'actor' }, ...pair('between', ['between', 'and'])],
  },
  {
    key: 'alignment',
    label: 'Alignment on a polar axis',
    slots: [{ path: ['alignment'], role: 'actor' }, ...pair('poles', ['pole', 'other pole'])],
  },
  { key: 'balance', label: 'Military balance of a pair', slots: pair('balance', ['actor', 'against']) },
  {
    key: 'dependence',
    label: 'Dependence (junior partner)',
    slots: pair('dependence', ['junior', 'senior']),
  },
  { key: 'measure', value: 'frustration', label: 'Frustration index', slots: [] },
]);

/** The form of an entry as written, or undefined when the form does not know it. */
export function formOf(entry: Record<string, unknown>): MeasureForm | undefined {
  return MEASURE_FORMS.find((f) => f.key in entry && (f.value === undefined || entry[f.key] === f.value));
}

/**
 * The entry for a form with these actors, one per slot.
 *
 * @example
 * entryOf(MEASURE_FORMS[1], ['RUS', 'IND', 'CHN']); // { tilt: 'RUS', between: ['IND', 'CHN'] }
 */
export function entryOf(form: MeasureForm, ids: readonly string[]): Record<string, unknown> {
  const entry: Record<string, unknown> = form.value === undefined ? {} : { [form.key]: form.value };
  form.slots.forEach(({ path }, k) => {
    const [key, index] = path as [string, number | undefined];
    if (index === undefined) entry[key] = ids[k];
    else {
      const list = (entry[key] as unknown[] | undefined) ?? [];
      list[index] = ids[k];
      entry[key] = list;
    }
  });
  return entry;
}

/** The actor written at a slot of an entry ('' when missing). */
export function slotValue(entry: Record<string, unknown>, path: Path): string {
  const v = path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as never)[k] : undefined), entry);
  return typeof v === 'string' ? v : '';
}
