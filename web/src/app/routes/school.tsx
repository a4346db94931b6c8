import { useParams } from 'react-router';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { useMe } from '../../features/auth/api/get-me';
import { SchoolDetail } from '../../features/schools/components/school-detail';

export function Component() {
  const { code = '' } = useParams();
  const role = useMe().data?.role;
  // keyed so a new school starts from its own loading state, not the previous school's
  return (
    <SchoolDetail
      key={code}
      code={code.toUpperCase()}
      aggregatesOnly={!role || !ROLES_WITH_NAMES.includes(role)}
      ownClassesOnly={role === 'docente'}
    />
  );
}
