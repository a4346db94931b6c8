import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedServiceToken } from '@primm/shared/contracts/service-tokens';

/**
 * The server keeps only the token's hash: this is the one moment it exists in clear. Announced,
 * focused, copyable, and gone once the admin says it is in the machine's configuration.
 */
export function CreatedToken({ created, onDone }: { created: CreatedServiceToken; onDone: () => void }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => boxRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('yes');
    } catch {
      // Clipboard blocked (permissions, insecure context): the token is still on screen to copy by hand.
      setCopied('failed');
    }
  }

  return (
    <div role="status" tabIndex={-1} ref={boxRef} className="callout callout-success one-time-password">
      <p className="callout-title">{t('serviceTokens.created.title', { name: created.serviceToken.name })}</p>
      <p>
        <code className="code otp">{created.token}</code>
      </p>
      <p>
        <strong>{t('serviceTokens.created.warning')}</strong>
      </p>
      <div className="field-actions">
        <button type="button" className="btn btn-outline" onClick={() => void copy()}>
          {t('serviceTokens.created.copy')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t('serviceTokens.created.done')}
        </button>
      </div>
      {copied && <p>{t(copied === 'yes' ? 'serviceTokens.created.copied' : 'serviceTokens.created.copyFailed')}</p>}
    </div>
  );
}
