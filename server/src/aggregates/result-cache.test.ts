import { describe, expect, test } from 'vitest';
import { AggregateCache } from './result-cache';

const counting = (body: unknown) => {
  const fn = async () => {
    fn.calls += 1;
    return body;
  };
  fn.calls = 0;
  return fn;
};

describe('AggregateCache', () => {
  test('when the same key is asked again at the same version, then it is computed once and served as the same JSON', async () => {
    const cache = new AggregateCache();
    const compute = counting({ total: { students: 12 } });

    const first = await cache.get('k', 5, compute);
    const second = await cache.get('k', 5, compute);

    expect([first, second]).toEqual(['{"total":{"students":12}}', '{"total":{"students":12}}']);
    expect(compute.calls).toBe(1);
  });

  test('when the data version grows, then the next request computes again', async () => {
    const cache = new AggregateCache();
    await cache.get('k', 5, counting(1));

    const after = await cache.get('k', 6, counting(2));

    expect(after).toBe('2');
  });

  test('when a request read an older version than the cache has seen, then it computes for itself and leaves the cache as it was', async () => {
    const cache = new AggregateCache();
    await cache.get('k', 6, counting('new'));

    const late = await cache.get('k', 5, counting('old'));
    const next = await cache.get('k', 6, counting('other'));

    expect([late, next]).toEqual(['"old"', '"new"']);
  });

  test('when requests for one key arrive together, then they share one computation', async () => {
    const cache = new AggregateCache();
    const compute = counting('x');

    const all = await Promise.all([cache.get('k', 1, compute), cache.get('k', 1, compute), cache.get('k', 1, compute)]);

    expect(all).toEqual(['"x"', '"x"', '"x"']);
    expect(compute.calls).toBe(1);
  });

  test('when the bodies exceed the bound, then the least recently used go first', async () => {
    const cache = new AggregateCache(25); // characters: two bodies of 10 fit, three do not
    const body = (c: string) => c.repeat(8); // JSON "cccccccc" = 10 characters
    await cache.get('a', 1, counting(body('a')));
    await cache.get('b', 1, counting(body('b')));
    await cache.get('a', 1, counting('unused')); // a is now the most recently used

    await cache.get('c', 1, counting(body('c')));
    const b = counting(body('b'));
    const a = counting('unused');
    await cache.get('b', 1, b);
    await cache.get('a', 1, a);

    expect([b.calls, a.calls]).toEqual([1, 1]); // b was evicted by c, then a by b
  });

  test('when a computation fails, then the error reaches the caller and the next request tries again', async () => {
    const cache = new AggregateCache();

    await expect(cache.get('k', 1, () => Promise.reject(new Error('disco pieno')))).rejects.toThrow('disco pieno');
    expect(await cache.get('k', 1, counting('ok'))).toBe('"ok"');
  });

  describe('with stale answers allowed (the service warms after each change)', () => {
    /** A computation that waits until `release` is called, to stand for the warm-up still running. */
    const held = (body: unknown) => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      return { compute: () => gate.then(() => body), release };
    };

    test('when the version grows and the new answer is still computing, then a reader gets the older answer at once, told it is stale, and the next reader after it the new one', async () => {
      const cache = new AggregateCache(undefined, true);
      await cache.get('k', 5, counting('before'));
      const slow = held('after');
      const stale: string[] = [];

      const during = await cache.get('k', 6, slow.compute, () => stale.push('first'));
      const alsoDuring = await cache.get('k', 6, counting('unused'), () => stale.push('second'));
      slow.release();
      await new Promise((r) => setTimeout(r, 0));
      const after = await cache.get('k', 6, counting('unused'), () => stale.push('third'));

      expect([during, alsoDuring, after]).toEqual(['"before"', '"before"', '"after"']);
      expect(stale).toEqual(['first', 'second']);
    });

    test('when a key was never answered before, then its first reader waits for the new answer', async () => {
      const cache = new AggregateCache(undefined, true);
      await cache.get('other', 5, counting('x'));
      const stale: string[] = [];

      const first = await cache.get('k', 6, counting('fresh'), () => stale.push('k'));

      expect(first).toBe('"fresh"');
      expect(stale).toEqual([]);
    });

    test('when the new answer fails, then the reader who got the stale one is not hurt and the next one computes again', async () => {
      const cache = new AggregateCache(undefined, true);
      await cache.get('k', 5, counting('before'));

      const during = await cache.get('k', 6, () => Promise.reject(new Error('disco pieno')));
      await new Promise((r) => setTimeout(r, 0));
      const retry = counting('after');
      const whileRetrying = await cache.get('k', 6, retry);
      await new Promise((r) => setTimeout(r, 0));
      const after = await cache.get('k', 6, counting('unused'));

      expect([during, whileRetrying, after]).toEqual(['"before"', '"before"', '"after"']);
      expect(retry.calls).toBe(1);
    });

    test('when stale answers are not allowed (the default), then a reader after a change waits for the new answer', async () => {
      const cache = new AggregateCache();
      await cache.get('k', 5, counting('before'));

      const after = await cache.get('k', 6, counting('after'), () => {
        throw new Error('not stale');
      });

      expect(after).toBe('"after"');
    });

    test('when the version moves twice before a key is asked again, then its latest answer is the one kept', async () => {
      const cache = new AggregateCache(undefined, true);
      await cache.get('k', 5, counting('five'));
      await cache.get('other', 6, counting('x')); // 6: k not asked, its answer of 5 stays the older one
      const slow = held('seven');

      const during = await cache.get('k', 7, slow.compute);
      slow.release();

      expect(during).toBe('"five"');
    });
  });
});
