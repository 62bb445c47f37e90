/**
 * Events → ties: one dyad-period of event data becomes one tie observation in [−1, 1].
 *
 * value = goldsteinSum / (10 · (count + prior)), confidence = count / (count + prior).
 *
 * Goldstein (1992, "A Conflict-Cooperation Scale for WEIS Events Data", J. Conflict Resolution
 * 36(2)) scores each event in [−10, 10]; the weighted mean over a period, divided by 10, is the
 * period's net cooperation on [−1, 1]. `prior` pseudo-events of value 0 shrink thin periods toward
 * neutral (one stray event must not make two states allies), and the same count says how much the
 * value can be trusted. A dyad's value holds until its next period with events.
 */
import type { DyadPeriod } from './store/event-store.js';

export interface EventTieOptions {
  /** Neutral pseudo-events added to every period (shrinkage toward 0). */
  prior: number;
}

export const EVENT_TIE_DEFAULTS: Readonly<EventTieOptions> = Object.freeze({ prior: 10 });

/**
 * The tie value and confidence of one dyad-period.
 *
 * @example
 * eventTie({ count: 30, goldsteinSum: 120 } as DyadPeriod); // { value: 0.3, confidence: 0.75 }
 */
export function eventTie(
  row: Pick<DyadPeriod, 'count' | 'goldsteinSum'>,
  options: Partial<EventTieOptions> = {},
): { value: number; confidence: number } {
  const { prior } = { ...EVENT_TIE_DEFAULTS, ...options };
  const n = row.count + prior;
  if (n <= 0) return { value: 0, confidence: 0 };
  const value = Math.max(-1, Math.min(1, row.goldsteinSum / (10 * n)));
  return { value, confidence: row.count / n };
}
