import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../features/auth/api/get-me';
import { useClass } from '../../features/classes/api/get-class';
import { ClassHeader } from '../../features/classes/components/class-header';
import { ClassStudents } from '../../features/classes/components/class-students';
import { ClassRiskList } from '../../features/risk/components/class-risk-list';
import { Forbidden, isRefusal } from './forbidden';
import { NotFound } from './not-found';

type Tab = 'rischio' | 'studenti';

export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const role = useMe().data?.role;
  if (!id.success) return <NotFound />;
  if (role === 'analista') return <Forbidden title={t('classes.forbiddenTitle')} />;
  return <ClassPage key={id.data} id={id.data} />;
}

function ClassPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cls = useClass(id);
  const tab: Tab = params.get('vista') === 'studenti' ? 'studenti' : 'rischio';
  // a class not theirs: one refusal and the way home, not an alert (and a retry) per panel
  if (cls.isError && isRefusal(cls.error)) return <Forbidden title={t('classes.forbiddenTitle')} error={cls.error} />;

  return (
    <>
      <ClassHeader id={id} />
      <Tabs<Tab>
        label={t('classes.tabs.label')}
        selected={tab}
        // the tab is in the URL too (`?vista=studenti`), without the risk filters of the other tab
        onSelect={(next) => setParams(next === 'studenti' ? { vista: 'studenti' } : {}, { replace: true })}
        tabs={[
          { key: 'rischio', label: t('classes.tabs.risk'), panel: <ClassRiskList classId={id} className={cls.data?.name ?? String(id)} /> },
          { key: 'studenti', label: t('classes.tabs.students'), panel: <ClassStudents id={id} /> },
        ]}
      />
    </>
  );
}
