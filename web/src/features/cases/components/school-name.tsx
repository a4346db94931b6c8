/**
 * A school as people know it: its name, with the codice meccanografico beside it, smaller, for
 * whoever needs the code (issue 19: mediators saw only `ANIS01600V`).
 */
export function SchoolName({ name, code }: { name: string; code: string }) {
  return (
    <span className="school-name">
      {name || code}
      {name && <span className="school-code code"> ({code})</span>}
    </span>
  );
}
