/**
 * The subset of Markdown docs/data-format.md is written in — headings, paragraphs, `-` lists,
 * pipe tables, fenced code — read into blocks the help page renders as React elements (no HTML
 * string is ever injected). The document stays the one source; this reads it as it is.
 */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'code'; text: string };

export type Inline = { type: 'text' | 'code' | 'strong' | 'em'; text: string };

/** `## studenti.csv` → `studenti-csv`: ids for the page's table of contents. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i += 1; i < lines.length && !lines[i]!.startsWith('```'); i += 1) body.push(lines[i]!);
      blocks.push({ type: 'code', text: body.join('\n') });
      i += 1;
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(' ') as 1 | 2 | 3;
      const text = line.slice(level + 1).trim();
      blocks.push({ type: 'heading', level, text, id: slug(text) });
      i += 1;
    } else if (line.startsWith('|')) {
      const header = cellsOf(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i += 1) rows.push(cellsOf(lines[i]!));
      blocks.push({ type: 'table', header, rows });
    } else if (/^- /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (/^- /.test(lines[i]!) || (/^ {2,}\S/.test(lines[i]!) && items.length > 0))) {
        if (/^- /.test(lines[i]!)) items.push(lines[i]!.slice(2).trim());
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i += 1;
      }
      blocks.push({ type: 'list', items });
    } else {
      const text: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,3} |- |\||```)/.test(lines[i]!))
        text.push(lines[i++]!.trim());
      blocks.push({ type: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}

/** Inline marks: `code` first (nothing inside it is a mark), then **strong** and *emphasis*. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'strong', text: m[2] });
    else out.push({ type: 'em', text: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
