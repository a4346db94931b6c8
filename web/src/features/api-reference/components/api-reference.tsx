import { useTranslation } from 'react-i18next';
import type { OpenApiOperation, OpenApiOverview } from '@primm/shared/contracts/openapi';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { toLocale } from '../../../lib/format';
import { useOpenApi } from '../api/get-openapi';

type Row = { method: string; path: string; op: OpenApiOperation };

/** The operations by tag, in the document's order of tags. */
function byTag(doc: OpenApiOverview): [string, Row[]][] {
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  return doc.tags
    .map((tag) => [tag.name, rows.filter((r) => r.op.tags.includes(tag.name))] as [string, Row[]])
    .filter(([, list]) => list.length > 0);
}

/**
 * The API for integrators (issue 24), read from `/api/openapi.json`: each route with what it does
 * and who may call it, grouped by feature. The schemas stay in the document, linked for download.
 */
export function ApiReference() {
  const { t, i18n } = useTranslation();
  const doc = useOpenApi();
  // The document's `summary` is Italian, the product's first language; English has its own field.
  const summaryOf = (op: OpenApiOperation) => (toLocale(i18n.language) === 'en' ? op['x-summary-en'] : op.summary);

  if (doc.isPending) return <LoadingStatus />;
  if (doc.isError) return <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />;

  const who = (op: OpenApiOperation) => {
    const roles = op['x-roles'];
    const base =
      typeof roles === 'string' ? t(`apiReference.access.${roles}`) : roles.map((r) => t(`roles.${r}`)).join(', ');
    return op.security.some((s) => 'serviceToken' in s) ? `${base}; ${t('apiReference.access.serviceToken')}` : base;
  };

  return (
    <>
      <p>
        {t('apiReference.version', { version: doc.data.info.version, openapi: doc.data.openapi })}{' '}
        <a href="/api/openapi.json" download="primm-ews-openapi.json">
          {t('apiReference.download')}
        </a>
      </p>
      {byTag(doc.data).map(([tag, rows]) => (
        <section key={tag} aria-labelledby={`api-${tag}`}>
          <h2 id={`api-${tag}`}>{t(`apiReference.tags.${tag}`, { defaultValue: tag })}</h2>
          <TableScroll labelledBy={`api-${tag}-caption`}>
            <table className="table">
              <caption id={`api-${tag}-caption`} className="visually-hidden">
                {t('apiReference.caption', { tag: t(`apiReference.tags.${tag}`, { defaultValue: tag }) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('apiReference.method')}</th>
                  <th scope="col">{t('apiReference.path')}</th>
                  <th scope="col">{t('apiReference.summary')}</th>
                  <th scope="col">{t('apiReference.who')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.method} ${r.path}`}>
                    <td className="code">{r.method}</td>
                    <th scope="row" className="code">
                      /api{r.path}
                    </th>
                    <td>{summaryOf(r.op)}</td>
                    <td>{who(r.op)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}
