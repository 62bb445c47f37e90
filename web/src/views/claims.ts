/**
 * Claims: every analyst's claim of the world held against what the world measures at its date
 * (`GET /api/worlds/{world}/claims/check`): a verdict badge, the thesis, the measured readings with
 * the share of draws that agree, and a button that opens the evidence drawer at the claim's month on
 * the dyad its test measures.
 */

import type { ClaimCheck } from '../../../src/analysis/claims/check-claims.js';
import type { WorldDetail } from '../../../src/api/client.js';
import { claimTests } from '../../../src/domain/claim-test.js';
import { announce, type Column, h, replace, table } from '../dom.js';
import type { View, ViewContext } from '../view.js';

type ClaimOfWorld = WorldDetail['claims'][number];

/** The dyad a claim's first test reads, for the evidence drawer. */
function measuredPair(claim: ClaimOfWorld | undefined): [string, string] | undefined {
  const t = claim ? claimTests(claim)[0] : undefined;
  if (!t) return undefined;
  if ('tie' in t) return t.tie;
  if ('trend' in t) return t.trend;
  if ('tilt' in t) return [t.tilt, t.between[0]];
  return [t.triangle[0], t.triangle[1]];
}

async function fetchChecks(world: string): Promise<ClaimCheck[]> {
  const res = await fetch(`/api/worlds/${encodeURIComponent(world)}/claims/check`);
  const body = await res.json();
  if (!res.ok) throw new Error(body?.message ?? `claims check failed (${res.status})`);
  return body as ClaimCheck[];
}

export function createClaimsView(ctx: ViewContext): View {
  const host = h('div', { id: 'claims-table', 'data-state': 'empty' });
  const element = h(
    'div',
    { class: 'claims-view' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'claims-title' },
      h('h2', { id: 'claims-title' }, 'Claims against the world'),
      h(
        'p',
        { class: 'hint' },
        "Each claim's test is read at its date (or across the window it speaks of) and redrawn from the ties' confidence: mixed means the draws or the tests disagree; not testable means the thesis states nothing a measure can read.",
      ),
      host,
    ),
  );
  let loaded: string | undefined;
  let ticket = 0;

  function openAt(check: ClaimCheck, pair: [string, string], trigger: HTMLElement): void {
    const month = check.date.slice(0, 7);
    if (ctx.months().includes(month)) ctx.store.update({ at: month });
    ctx.openEvidence(pair[0], pair[1], trigger);
  }

  function draw(checks: ClaimCheck[]): void {
    const byId = new Map(ctx.world().claims.map((c) => [c.id, c]));
    const columns: Column<ClaimCheck>[] = [
      {
        head: 'Claim',
        cell: (c) => [h('strong', {}, c.id), h('div', { class: 'small muted' }, `${c.author}, ${c.date}`)],
      },
      { head: 'Verdict', cell: (c) => h('span', { class: `badge verdict verdict-${c.verdict}` }, c.verdict) },
      { head: 'Thesis', cell: (c) => c.thesis },
      {
        head: 'Measured',
        cell: (c) =>
          c.tests.map((t) =>
            h(
              'div',
              { class: 'small' },
              `${t.label}: `,
              Object.entries(t.measured)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ') || 'no data',
              t.support !== undefined ? ` (agree ${Math.round(t.support * 100)} %)` : '',
            ),
          ),
      },
      {
        head: 'Evidence',
        cell: (c) => {
          const pair = measuredPair(byId.get(c.id));
          if (!pair) return h('span', { class: 'small muted' }, c.evidence.join(', '));
          const button = h(
            'button',
            { type: 'button', class: 'link-btn', title: c.evidence.join(', ') },
            `${pair[0]}–${pair[1]}`,
          );
          button.addEventListener('click', () => openAt(c, pair, button));
          return button;
        },
      },
    ];
    const counts = new Map<string, number>();
    for (const c of checks) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
    const summary = [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
    replace(
      host,
      h(
        'div',
        { class: 'table-scroll tall' },
        table(columns, checks, {
          caption: `${checks.length} claims: ${summary}`,
          attrs: { id: 'claims' },
          rowAttrs: (c) => ({ 'data-claim': c.id, 'data-verdict': c.verdict }),
        }),
      ),
    );
    host.dataset.state = 'done';
    announce(`Claims: ${summary}.`);
  }

  async function refresh(): Promise<void> {
    const world = ctx.store.state.world;
    if (loaded === world) return;
    const mine = ++ticket;
    host.dataset.state = 'loading';
    try {
      const checks = await fetchChecks(world);
      if (mine !== ticket) return;
      loaded = world;
      draw(checks);
    } catch (err) {
      if (mine !== ticket) return;
      replace(host, h('p', { class: 'error' }, (err as Error).message));
      host.dataset.state = 'error';
    }
  }

  let visible = false;
  ctx.store.subscribe((s, prev) => {
    if (visible && s.world !== prev.world) void refresh();
  });

  return {
    element,
    show() {
      visible = true;
      void refresh();
    },
    hide() {
      visible = false;
    },
    async toSvg() {
      return null;
    },
  };
}
