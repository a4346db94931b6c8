import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '@primm/shared/contracts/users';

type Props = {
  created: CreatedUser;
  onDone: () => void;
  /** The sentence above the password: a new account (default) or a new password of an existing one. */
  titleKey?: string;
};

/**
 * The server stores only a hash: this is the one moment the password exists in clear. It is
 * announced, focused, copyable, and gone once the creator confirms they have handed it over.
 */
export function OneTimePassword({ created, onDone, titleKey = 'users.created.title' }: Props) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => boxRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.oneTimePassword);
      setCopied('yes');
    } catch {
      // Clipboard blocked (permissions, insecure context): the password is still on screen to copy by hand.
      setCopied('failed');
    }
  }

  return (
    <div role="status" tabIndex={-1} ref={boxRef} className="callout callout-success one-time-password">
      <p className="callout-title">{t(titleKey, { email: created.user.email })}</p>
      <p>
        {t('users.created.password')} <code className="code otp">{created.oneTimePassword}</code>
      </p>
      <p>
        <strong>{t('users.created.warning')}</strong>
      </p>
      <div className="field-actions">
        <button type="button" className="btn btn-outline" onClick={() => void copy()}>
          {t('users.created.copy')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t('users.created.done')}
        </button>
      </div>
      {copied && <p>{t(copied === 'yes' ? 'users.created.copied' : 'users.created.copyFailed')}</p>}
    </div>
  );
}
