import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server keeps only as a hash (a one-time password, a service token): this is the
 * one moment it exists in clear. Announced, focused, copyable, and gone once the person says it
 * has been handed over or configured.
 */
export function ShownOnceSecret({
  title,
  label,
  secret,
  textsKey,
  onDone,
}: {
  title: string;
  /** Words before the secret on its line ("Password:"), if any. */
  label?: string;
  secret: string;
  /** Where its sentences are in the locales: `<textsKey>.warning`, `.copy`, `.done`, `.copied`, `.copyFailed`. */
  textsKey: 'users.created' | 'serviceTokens.created';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => boxRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // Clipboard blocked (permissions, insecure context): the secret is still on screen to copy by hand.
      setCopied('failed');
    }
  }

  return (
    <div role="status" tabIndex={-1} ref={boxRef} className="callout callout-success one-time-password">
      <p className="callout-title">{title}</p>
      <p>
        {label && `${label} `}
        <code className="code otp">{secret}</code>
      </p>
      <p>
        <strong>{t(`${textsKey}.warning`)}</strong>
      </p>
      <div className="field-actions">
        <button type="button" className="btn btn-outline" onClick={() => void copy()}>
          {t(`${textsKey}.copy`)}
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t(`${textsKey}.done`)}
        </button>
      </div>
      {copied && <p>{t(`${textsKey}.${copied === 'yes' ? 'copied' : 'copyFailed'}`)}</p>}
    </div>
  );
}
