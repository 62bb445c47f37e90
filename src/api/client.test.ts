import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AlignmentBodyType,
  type BalancersBodyType,
  type Client,
  type SnapshotBody,
  sseParser,
  type TrianglesBodyType,
  type WorldDetail,
  type WorldSummary,
} from './client.js';

/** The client's route methods (the generic `request`/`get`/`post` take their type from the caller). */
type RouteMethod = Exclude<keyof Client, 'baseUrl' | 'request' | 'get' | 'post'>;
/** What a client method resolves to; 'not async' for the URL builders. */
type Resolved<K extends RouteMethod> = Client[K] extends (...args: never[]) => Promise<infer T>
  ? T
  : 'not async';
/** 'ok' unless a type collapsed, as it does when a route is read at a status it does not declare. */
type Collapsed<T> = [T] extends [never]
  ? 'never'
  : 0 extends 1 & T
    ? 'any'
    : unknown extends T
      ? 'unknown'
      : 'ok';

describe('sseParser', () => {
  it('reassembles events split anywhere across chunks, with CRLF and multi-line data', () => {
    const stream =
      'event: progress\r\ndata: {"done":1}\r\n\r\n: keep-alive\n\nevent: end\ndata: line 1\ndata: line 2\n\n';
    for (let cut = 1; cut < stream.length; cut += 7) {
      const got: [string, string][] = [];
      const feed = sseParser((e, d) => got.push([e, d]));
      feed(stream.slice(0, cut));
      feed(stream.slice(cut));
      expect(got).toEqual([
        ['progress', '{"done":1}'],
        ['end', 'line 1\nline 2'],
      ]);
    }
  });
});

// Checked by `tsc` (vitest does not type-check): the client's types are the routes' declarations.
describe('client response types', () => {
  it('resolve every route method to a declared body, not to never, any or unknown', () => {
    expectTypeOf<{ [K in RouteMethod]: Collapsed<Resolved<K>> }>().toEqualTypeOf<{
      [K in RouteMethod]: 'ok';
    }>();
  });

  it('are the bodies the routes declare for the workbench views', () => {
    expectTypeOf<Resolved<'worlds'>>().toEqualTypeOf<WorldSummary[]>();
    expectTypeOf<Resolved<'world'>>().toEqualTypeOf<WorldDetail>();
    expectTypeOf<Resolved<'snapshot'>>().toEqualTypeOf<SnapshotBody>();
    expectTypeOf<Resolved<'triangles'>>().toEqualTypeOf<TrianglesBodyType>();
    expectTypeOf<Resolved<'balancers'>>().toEqualTypeOf<BalancersBodyType>();
    expectTypeOf<Resolved<'alignment'>>().toEqualTypeOf<AlignmentBodyType>();
  });
});
