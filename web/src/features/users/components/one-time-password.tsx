import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '@primm/shared/contracts/users';
import { ShownOnceSecret } from '../../../components/shown-once-secret';

type Props = {
  created: CreatedUser;
  onDone: () => void;
  /** The sentence above the password: a new account (default) or a new password of an existing one. */
  titleKey?: string;
};

/** The one-time password, shown once to whoever created the account: the server keeps only a hash. */
export function OneTimePassword({ created, onDone, titleKey = 'users.created.title' }: Props) {
  const { t } = useTranslation();
  return (
    <ShownOnceSecret
      title={t(titleKey, { email: created.user.email })}
      label={t('users.created.password')}
      secret={created.oneTimePassword}
      textsKey="users.created"
      onDone={onDone}
    />
  );
}
