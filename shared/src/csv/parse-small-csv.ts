/**
 * A small CSV typed or exported by hand (a list of users, not a register): the header row and
 * the records, each with its line number. `;`, `,` or tab, told by the header (the one occurring
 * most there); quotes with `""` inside; CRLF or LF; a BOM ignored; blank lines skipped.
 */
export function parseSmallCsv(text: string): { header: string[]; records: { line: number; fields: string[] }[] } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].reduce(
    (best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best),
    ';',
  );
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      fields.push(field.trim());
      if (fields.some((f) => f !== '')) rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line += 1;
      rowLine = line;
    } else field += c;
  }
  fields.push(field.trim());
  if (fields.some((f) => f !== '')) rows.push({ line: rowLine, fields });
  const [head, ...records] = rows;
  return { header: head?.fields ?? [], records };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
