import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldIssue } from '../../../lib/api-client';
import { useChangePassword } from '../api/change-password';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

const empty = { currentPassword: '', newPassword: '', confirm: '' };

/**
 * A 400 names the field it refuses (`details[0]`: wrong current password, too short, same as the
 * old one); its message is shown under that field. The confirmation is checked here: the server
 * never sees it.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [form, setForm] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const confirmRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const issue = fieldIssue(change.error);
  const issueField: Field | null =
    issue?.path === 'currentPassword' || issue?.path === 'newPassword' ? issue.path : null;

  useEffect(() => {
    if (change.error) alertRef.current?.focus();
  }, [change.error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.newPassword !== form.confirm) {
      setMismatch(true);
      confirmRef.current?.focus();
      return;
    }
    setMismatch(false);
    change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword }, { onSuccess: onChanged });
  }

  function errorOf(field: Field): string | null {
    if (field === 'confirm') return mismatch ? t('auth.changePassword.mismatch') : null;
    return issueField === field && issue ? issue.message : null;
  }

  function input(field: Field, autoComplete: string, hintId?: string) {
    const error = errorOf(field);
    const describedBy = [hintId, error ? `password-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
    return (
      <>
        <input
          id={`password-${field}`}
          ref={field === 'confirm' ? confirmRef : undefined}
          type="password"
          autoComplete={autoComplete}
          required
          minLength={field === 'currentPassword' ? undefined : 12}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={form[field]}
          onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        />
        {error && (
          <p id={`password-${field}-error`} className="field-error">
            {error}
          </p>
        )}
      </>
    );
  }

  return (
    <form className="form-card" onSubmit={submit} aria-labelledby="password-form-heading">
      <h2 id="password-form-heading" className="visually-hidden">
        {t('auth.changePassword.title')}
      </h2>
      {change.isError && (
        <div role="alert" tabIndex={-1} ref={alertRef} className="callout callout-danger">
          <p className="callout-title">{t('auth.changePassword.failed')}</p>
          <p>
            {issue && !issueField
              ? issue.message
              : t(change.error instanceof ApiError ? `errors.${change.error.code}` : 'errors.internal')}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor="password-currentPassword">{t('auth.changePassword.current')}</label>
        {input('currentPassword', 'current-password')}
      </div>
      <div className="field">
        <label htmlFor="password-newPassword">{t('auth.changePassword.new')}</label>
        {input('newPassword', 'new-password', 'password-new-hint')}
        <p id="password-new-hint" className="hint">
          {t('auth.changePassword.newHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="password-confirm">{t('auth.changePassword.confirm')}</label>
        {input('confirm', 'new-password')}
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {t('auth.changePassword.submit')}
        </button>
      </div>
      {change.isPending && (
        <p role="status" className="status">
          {t('auth.changePassword.saving')}
        </p>
      )}
    </form>
  );
}
