import { describe, expect, it } from 'vitest';
import { LimitExceededError, NotFoundError, ScenarioValidationError } from '../domain/errors.js';
import { type JobEvent, JobQueue } from './jobs.js';

const queue = (maxQueued = 4) =>
  new JobQueue({ maxQueued, ttlMs: 60_000, maxFinished: 100, timeoutMs: 60_000 });

describe('JobQueue', () => {
  it('runs jobs one after another and reports progress, then one end event', async () => {
    const q = queue();
    const order: string[] = [];
    const a = q.submit('t', async (report) => {
      order.push('a-start');
      report({ done: 1, total: 2 });
      await new Promise((r) => setTimeout(r, 10));
      report({ done: 2, total: 2 });
      order.push('a-end');
      return 'A';
    });
    const b = q.submit('t', async () => {
      order.push('b-start');
      return 'B';
    });
    const events: JobEvent[] = [];
    q.subscribe(a.id, (e) => events.push(e));
    const endA = await q.wait(a.id);
    const endB = await q.wait(b.id);
    expect(order).toEqual(['a-start', 'a-end', 'b-start']);
    expect(endA).toMatchObject({ status: 'done', result: 'A', progress: { done: 2, total: 2 } });
    expect(endB.result).toBe('B');
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'end']);
  });

  it('refuses work beyond the queue limit with LimitExceededError', () => {
    const q = queue(2);
    const never = () => new Promise<never>(() => undefined);
    q.submit('t', never);
    q.submit('t', never);
    expect(() => q.submit('t', never)).toThrow(LimitExceededError);
  });

  it('keeps the error a failed task threw, and its HTTP status in the state', async () => {
    const q = queue();
    const job = q.submit('t', async () => {
      throw new ScenarioValidationError({ field: 'runs', message: 'bad runs' });
    });
    const end = await q.wait(job.id);
    expect(end.status).toBe('failed');
    expect(end.failure).toBeInstanceOf(ScenarioValidationError);
    expect(end.error).toMatchObject({ status: 422, problems: [{ field: 'runs', message: 'bad runs' }] });
  });

  it('cancels a queued job before it starts', async () => {
    const q = queue();
    let started = false;
    const first = q.submit('t', () => new Promise((r) => setTimeout(() => r(1), 20)));
    const second = q.submit('t', async () => {
      started = true;
    });
    expect(q.cancel(second.id).status).toBe('cancelled');
    await q.wait(first.id);
    expect(started).toBe(false);
  });

  it('keeps at most maxFinished finished jobs, forgetting the oldest first', async () => {
    const q = new JobQueue({ maxQueued: 10, ttlMs: 60_000, maxFinished: 2, timeoutMs: 60_000 });
    const ids = [1, 2, 3, 4].map((n) => q.submit('t', async () => n).id);
    for (const id of ids) await q.wait(id);
    expect(q.counts().finished).toBe(2);
    expect(() => q.get(ids[0]!)).toThrow(NotFoundError);
    expect(() => q.get(ids[1]!)).toThrow(NotFoundError);
    expect(q.get(ids[3]!).result).toBe(4);
  });

  it('stops a job past its time limit and fails it with LimitExceededError', async () => {
    const q = new JobQueue({ maxQueued: 2, ttlMs: 60_000, maxFinished: 10, timeoutMs: 30 });
    let sawAbort = false;
    const job = q.submit(
      't',
      (_report, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('aborted'));
          }),
        ),
    );
    const end = await q.wait(job.id);
    expect(sawAbort).toBe(true);
    expect(end.status).toBe('failed');
    expect(end.failure).toBeInstanceOf(LimitExceededError);
    expect(end.error).toMatchObject({ status: 413 });
  });
});
