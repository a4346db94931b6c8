import { useTranslation } from 'react-i18next';
import type { CreatedServiceToken } from '@primm/shared/contracts/service-tokens';
import { ShownOnceSecret } from '../../../components/shown-once-secret';

/** The new token, shown once: the server keeps only its hash. */
export function CreatedToken({ created, onDone }: { created: CreatedServiceToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnceSecret
      title={t('serviceTokens.created.title', { name: created.serviceToken.name })}
      secret={created.token}
      textsKey="serviceTokens.created"
      onDone={onDone}
    />
  );
}
