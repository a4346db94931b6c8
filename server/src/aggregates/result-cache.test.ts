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
});
