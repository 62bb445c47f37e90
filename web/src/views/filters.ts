/**
 * The controls that narrow a drawing of ~200 states, shared by the network and the map: a region
 * select (from the actors' `region` field), a minimum |tie| slider, and a search box that finds one
 * actor by id or name. The view owns what "shown" means; this module owns the controls, their ids
 * (`<prefix>-region`, `<prefix>-min-tie`, `<prefix>-search`) and the tests a view asks of them.
 */
import { h, replace } from '../dom.js';

/** The minimum |tie| slider's range and step. */
export const FILTER_DEFAULTS = Object.freeze({ minTieMax: 1, minTieStep: 0.05 });

interface NamedActor {
  readonly id: string;
  readonly name: string;
  readonly region?: string | undefined;
}

export interface ActorFilters {
  /** The labelled controls, to place in the view. */
  readonly element: HTMLElement;
  readonly region: HTMLSelectElement;
  readonly minTie: HTMLInputElement;
  readonly search: HTMLInputElement;
  /** Refills the region options and the search suggestions for a new world; clears the search. */
  setActors(actors: readonly NamedActor[]): void;
  /** Whether the region select lets `id` through (actors with no region: all-regions only). */
  inRegion(id: string): boolean;
  /** Whether a tie of this value passes the minimum |tie|. */
  strongEnough(value: number): boolean;
  /** The actor a search text names among `candidates`: an exact id first, then the first name containing it. */
  findActor(text: string, candidates: readonly NamedActor[]): string;
}

/**
 * Builds the three controls; `onFilter` runs when the region or the slider changes, `onSearch`
 * with the search box's text as it is typed.
 *
 * @example
 * const filters = actorFilters('map', { onFilter: redraw, onSearch: (text) => ring(filters.findActor(text, actors)) });
 * filters.setActors(world.actors);
 * shown = actors.filter((a) => filters.inRegion(a.id));
 */
export function actorFilters(
  prefix: string,
  handlers: { onFilter: () => void; onSearch: (text: string) => void; what?: string },
): ActorFilters {
  const what = handlers.what ?? 'drawing';
  const region = h(
    'select',
    { id: `${prefix}-region`, 'aria-label': `Show the actors of one region in the ${what}` },
    h('option', { value: '' }, 'All regions'),
  );
  const minTie = h('input', {
    type: 'range',
    id: `${prefix}-min-tie`,
    min: 0,
    max: FILTER_DEFAULTS.minTieMax,
    step: FILTER_DEFAULTS.minTieStep,
    value: 0,
    'aria-label': `Hide ties weaker than this |tie| in the ${what}`,
  });
  const minTieOut = h('output', { for: `${prefix}-min-tie` }, '0.00');
  const names = h('datalist', { id: `${prefix}-actor-names` });
  const search = h('input', {
    type: 'search',
    id: `${prefix}-search`,
    list: `${prefix}-actor-names`,
    placeholder: 'Find an actor',
    'aria-label': `Find an actor in the ${what}: it is ringed and labelled`,
  });
  const element = h(
    'section',
    { class: `${prefix}-controls actor-filters`, 'aria-label': `What the ${what} shows` },
    h('label', { for: `${prefix}-search`, class: 'filter-label' }, 'Find an actor'),
    search,
    names,
    h('label', { for: `${prefix}-region`, class: 'filter-label' }, 'Region'),
    region,
    h('label', { for: `${prefix}-min-tie`, class: 'filter-label' }, 'Minimum |tie| ', minTieOut),
    minTie,
  );
  let regionOf = new Map<string, string>();

  region.addEventListener('change', handlers.onFilter);
  minTie.addEventListener('input', () => {
    minTieOut.textContent = Number(minTie.value).toFixed(2);
    handlers.onFilter();
  });
  search.addEventListener('input', () => handlers.onSearch(search.value));

  return {
    element,
    region,
    minTie,
    search,
    setActors(actors) {
      regionOf = new Map(actors.flatMap((a) => (a.region ? [[a.id, a.region] as const] : [])));
      const regions = [...new Set(regionOf.values())].sort();
      const kept = regions.includes(region.value) ? region.value : '';
      replace(
        region,
        h('option', { value: '' }, 'All regions'),
        regions.map((r) => h('option', { value: r }, r)),
      );
      region.value = kept;
      region.disabled = regions.length === 0;
      replace(
        names,
        actors.map((a) => h('option', { value: a.id }, a.name)),
      );
      search.value = '';
    },
    inRegion(id) {
      return region.value === '' || regionOf.get(id) === region.value;
    },
    strongEnough(value) {
      return Math.abs(value) >= Number(minTie.value);
    },
    findActor(text, candidates) {
      const q = text.trim().toLowerCase();
      if (q === '') return '';
      return (
        candidates.find((a) => a.id.toLowerCase() === q)?.id ??
        candidates.find((a) => a.name.toLowerCase().includes(q))?.id ??
        ''
      );
    },
  };
}
