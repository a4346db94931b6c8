import { Fragment, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/table-scroll';
import { parseInline, parseMarkdown, type Block } from '../markdown-blocks';

/** Inline marks as elements; strong and emphasis may hold code (`*English: \`;\`-separated…*`). */
function InlineText({ text }: { text: string }): ReactNode {
  return parseInline(text).map((part, i) => {
    if (part.type === 'code')
      return (
        <code key={i} className="code">
          {part.text}
        </code>
      );
    if (part.type === 'strong')
      return (
        <strong key={i}>
          <InlineText text={part.text} />
        </strong>
      );
    if (part.type === 'em')
      return (
        <em key={i}>
          <InlineText text={part.text} />
        </em>
      );
    return <Fragment key={i}>{part.text}</Fragment>;
  });
}

function DocTable({ block, section }: { block: Extract<Block, { type: 'table' }>; section: string }) {
  const captionId = useId();
  const { t } = useTranslation();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table-compact">
        <caption id={captionId} className="visually-hidden">
          {t('importFormat.tableCaption', { section })}
        </caption>
        <thead>
          <tr>
            {block.header.map((h) => (
              <th key={h} scope="col">
                <InlineText text={h} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    <InlineText text={cell} />
                  </th>
                ) : (
                  <td key={c}>
                    <InlineText text={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * docs/data-format.md as a page: its headings shifted one level down (the page has its own h1),
 * with a table of contents of its sections.
 */
export function FormatDocument({ markdown }: { markdown: string }) {
  const { t } = useTranslation();
  const blocks = parseMarkdown(markdown).filter((b) => !(b.type === 'heading' && b.level === 1));
  const sections = blocks.filter(
    (b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === 2,
  );

  return (
    <>
      <nav aria-label={t('importFormat.contents')} className="doc-contents">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.text}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="doc">
        {blocks.map((b, i) => {
          const section = blocks.slice(0, i).findLast((h) => h.type === 'heading');
          if (b.type === 'heading') {
            const Tag = b.level === 2 ? 'h2' : 'h3';
            return (
              <Tag key={i} id={b.id}>
                {b.text}
              </Tag>
            );
          }
          if (b.type === 'paragraph')
            return (
              <p key={i}>
                <InlineText text={b.text} />
              </p>
            );
          if (b.type === 'list')
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <InlineText text={item} />
                  </li>
                ))}
              </ul>
            );
          if (b.type === 'code')
            return (
              // a long line scrolls sideways: focusable, so a keyboard can scroll it too (WCAG 2.1.1)
              <pre key={i} className="code-block" tabIndex={0}>
                <code>{b.text}</code>
              </pre>
            );
          return <DocTable key={i} block={b} section={section?.type === 'heading' ? section.text : ''} />;
        })}
      </div>
    </>
  );
}
