/** What the shell gives each view, and what a view gives back. */
import type { WorldDetail } from '../../src/api/client.js';
import type { Store } from './state.js';

export interface ViewContext {
  store: Store;
  /** The current world's details (loaded before any view renders). */
  world(): WorldDetail;
  /** Months of the world's period, as YYYY-MM. */
  months(): string[];
  /** Opens the evidence drawer for a dyad; focus returns to `trigger` when it closes. */
  openEvidence(a: string, b: string, trigger?: HTMLElement): void;
}

export interface View {
  /** The tab panel's content. */
  readonly element: HTMLElement;
  /** Called when the tab becomes visible (first call mounts). */
  show(): void;
  hide(): void;
  /** The current picture as SVG, for the PNG/SVG export buttons. */
  toSvg(): Promise<SVGSVGElement | null>;
}
