import { useEffect, useRef, useState } from 'react';

export type ShownOnceTexts = { warning: string; copy: string; done: string; copied: string; copyFailed: string };

/**
 * A secret the server keeps only as a hash (a one-time password, a service token): this is the
 * one moment it exists in clear. Announced, focused, copyable, and gone once the person says it
 * has been handed over or configured.
 */
export function ShownOnceSecret({
  title,
  label,
  secret,
  texts,
  onDone,
}: {
  title: string;
  /** Words before the secret on its line ("Password:"), if any. */
  label?: string;
  secret: string;
  texts: ShownOnceTexts;
  onDone: () => void;
}) {
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
        <strong>{texts.warning}</strong>
      </p>
      <div className="field-actions">
        <button type="button" className="btn btn-outline" onClick={() => void copy()}>
          {texts.copy}
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {texts.done}
        </button>
      </div>
      {copied && <p>{copied === 'yes' ? texts.copied : texts.copyFailed}</p>}
    </div>
  );
}
