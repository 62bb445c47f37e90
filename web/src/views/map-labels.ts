/**
 * Labels on the map. At ~200 states the capitals crowd (Europe, the Caribbean, West Africa), so
 * actor labels are placed by `label-placement.ts` (greedy candidate positions, most important
 * first: the actor searched for, the focus, then by capability) and a label with no free spot is
 * dropped rather than stacked, its dot keeping its tooltip. Corridor labels then go beside their
 * lines where they clash with no placed label.
 */
import { type LabelRequest, placeLabels } from '../label-placement.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One actor label to place: its dot, its text, its class. */
export interface ActorLabel {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly text: string;
  readonly className: string;
}

function svgEl(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * Places `labels` (most important first) in the drawn `root`, measuring each text once it is in
 * the page; labels set off their dot get a leader line. Returns the ids left unlabelled.
 *
 * @example
 * const dropped = placeActorLabels(svg, [{ id: 'A', x: 40, y: 40, r: 5, text: 'A', className: 'actor-label' }], 640, 400);
 */
export function placeActorLabels(
  root: SVGSVGElement,
  labels: readonly ActorLabel[],
  width: number,
  height: number,
): string[] {
  const leaders = svgEl('g', { class: 'label-leaders' });
  const layer = svgEl('g', { class: 'actor-labels' });
  root.append(leaders, layer);
  const texts = labels.map((l) => {
    const t = svgEl('text', { class: l.className, 'data-actor': l.id }) as SVGTextElement;
    t.textContent = l.text;
    layer.appendChild(t);
    return t;
  });
  const requests: LabelRequest[] = labels.map((l, i) => {
    const box = texts[i]!.getBBox();
    return { id: l.id, x: l.x, y: l.y, r: l.r, width: box.width, height: box.height };
  });
  const { placed, dropped } = placeLabels(requests, { left: 0, top: 0, right: width, bottom: height });
  const at = new Map(placed.map((p) => [p.id, p]));
  labels.forEach((l, i) => {
    const spot = at.get(l.id);
    const text = texts[i]!;
    if (!spot) {
      text.remove();
      return;
    }
    text.setAttribute('x', String(spot.x));
    text.setAttribute('y', String(spot.y));
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('dominant-baseline', 'central');
    if (spot.leader)
      leaders.appendChild(svgEl('line', { x1: l.x, y1: l.y, x2: spot.x, y2: spot.y, class: 'label-leader' }));
  });
  return dropped;
}

/** Where along a corridor's line a label may go, best first (share of its length). */
const LABEL_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
/** Offsets of a label from its point on the line: above, then below. */
const LABEL_OFFSETS = [-5, 14];

/**
 * Labels each corridor beside its drawn line (measured once the SVG is in the page): the first
 * spot along the line, nearest its middle, where the label overlaps no actor or corridor label
 * placed already. A corridor with no free spot keeps its tooltip and goes unlabelled, counted in
 * the returned number, rather than stacking its label on another.
 */
export function placeCorridorLabels(
  root: SVGSVGElement,
  labels: { line: SVGElement; text: string }[],
  inFrame: (p: [number, number] | null) => p is [number, number],
): number {
  const placed: DOMRect[] = [...root.querySelectorAll<SVGTextElement>('.actor-label')].map((t) =>
    t.getBBox(),
  );
  const clashes = (box: DOMRect) =>
    placed.some(
      (b) =>
        box.x < b.x + b.width &&
        b.x < box.x + box.width &&
        box.y < b.y + b.height &&
        b.y < box.y + box.height,
    );
  const layer = svgEl('g', { class: 'corridor-labels' });
  root.appendChild(layer);
  let unlabelled = 0;
  for (const { line, text } of labels) {
    const path = line as SVGPathElement;
    const total = path.getTotalLength();
    if (!(total > 0)) continue;
    const label = svgEl('text', { class: 'corridor-label' }) as SVGTextElement;
    label.textContent = text;
    layer.appendChild(label);
    const spot = LABEL_STOPS.flatMap((share) => LABEL_OFFSETS.map((dy) => ({ share, dy }))).find(
      ({ share, dy }) => {
        const p = path.getPointAtLength(total * share);
        if (!inFrame([p.x, p.y])) return false;
        label.setAttribute('x', String(p.x + 5));
        label.setAttribute('y', String(p.y + dy));
        return !clashes(label.getBBox());
      },
    );
    if (spot) placed.push(label.getBBox());
    else {
      label.remove();
      unlabelled += 1;
    }
  }
  return unlabelled;
}
