/**
 * Moves (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011, §6), from receiver i's view with
 * e_ij = E(U_ij) and e_ji = E(U_ji): if e_ji > e_ij > 0 the sender j wins a confrontation and i moves
 * to x_j; if e_ji > 0 > e_ij and e_ji > |e_ij|, i compromises to x_i + (x_j − x_i)·|e_ij/e_ji|.
 * The nearest confrontation wins; otherwise one compromise is chosen by the compromise rule.
 */
import type { BdmOffer } from '../types.js';
import type { CompromiseRule } from './options.js';

/** An offer on indices, before names are attached. */
export interface IndexedOffer extends Omit<BdmOffer, 'from'> {
  from: number;
}

/**
 * Classifies the offer i receives from j, or undefined when j has none to make.
 *
 * @example
 * classifyOffer(0, 50, 1, -0.118, 0.5696); // compromise: 0 + 50·0.118/0.5696 ≈ 10.36
 */
export function classifyOffer(
  xi: number,
  xj: number,
  from: number,
  eij: number,
  eji: number,
): IndexedOffer | undefined {
  if (eji > eij && eij > 0) return { from, kind: 'confrontation', receiverEu: eij, senderEu: eji, to: xj };
  if (eji > 0 && 0 > eij && eji > Math.abs(eij)) {
    return {
      from,
      kind: 'compromise',
      receiverEu: eij,
      senderEu: eji,
      to: xi + (xj - xi) * Math.abs(eij / eji),
    };
  }
  return undefined;
}

/**
 * The offer i acts on: the nearest confrontation, else a compromise by `rule`; ties to the first.
 *
 * @example
 * acceptOffer(0, offers, positions, 'smallest-point');
 */
export function acceptOffer(
  xi: number,
  offers: readonly IndexedOffer[],
  x: Float64Array,
  rule: CompromiseRule,
): IndexedOffer | undefined {
  const pick = (kind: IndexedOffer['kind'], score: (o: IndexedOffer) => number) => {
    let best: IndexedOffer | undefined;
    for (const o of offers) if (o.kind === kind && (best === undefined || score(o) < score(best))) best = o;
    return best;
  };
  const weighted = (o: IndexedOffer) => {
    const a = Math.abs(o.receiverEu);
    const b = Math.abs(o.senderEu);
    return (a * xi + b * x[o.from]!) / (a + b);
  };
  return (
    pick('confrontation', (o) => Math.abs(o.to - xi)) ??
    pick('compromise', rule === 'nearest' ? (o) => Math.abs(o.to - xi) : weighted)
  );
}
