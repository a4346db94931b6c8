import { useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { ClassHeader } from '../../features/classes/components/class-header';
import { ClassStudents } from '../../features/classes/components/class-students';
import { NotFound } from './not-found';

export function Component() {
  const id = Id.safeParse(useParams().id);
  if (!id.success) return <NotFound />;
  return (
    <>
      <ClassHeader id={id.data} />
      <ClassStudents id={id.data} />
    </>
  );
}
