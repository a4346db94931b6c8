import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address (`?scuola=3&motivo=tier3`), so a filtered list can be bookmarked and
 * shared. `names` maps each filter to its Italian parameter; an empty value removes it. The
 * address is replaced, not pushed: Back leaves the page instead of undoing a filter.
 */
export function useUrlFilters<K extends string>(names: Readonly<Record<K, string>>) {
  const [params, setParams] = useSearchParams();
  const set = (key: K, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(names[key], value);
    else next.delete(names[key]);
    setParams(next, { replace: true });
  };
  const reset = () => setParams({}, { replace: true });
  return { params, set, reset };
}
