import { useTranslation } from 'react-i18next';
import { Role } from '@primm/shared/contracts/auth';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useSchoolClassOptions, useSchoolOptions } from '../api/get-school-options';
import { MunicipalityPicker } from './municipality-picker';

/**
 * DESIGN.md "Users": referents and mediators hold schools, teachers hold classes, PUA and comune
 * accounts the municipalities they serve (issue 21), admin and analyst none.
 */
export const scopeOf = (role: Role) => ({
  schools: role === 'referente' || role === 'mediatore' || role === 'docente',
  classes: role === 'docente',
  municipalities: role === 'pua' || role === 'comune',
});

/**
 * The roles an actor may give with these forms (the server's rule, users/service.ts): the admin
 * any, a referent teachers, mediators and referents.
 */
export const assignableRoles = (actor: Role): Role[] =>
  actor === 'admin' ? [...Role.options] : ['docente', 'mediatore', 'referente'];

type Props = {
  /** Ids of the fields: two forms on one page (create, edit) need their own. */
  idPrefix?: string;
  role: Role;
  schools: string[];
  classIds: number[];
  municipalities: string[];
  onSchoolsChange: (codes: string[]) => void;
  onClassIdsChange: (ids: number[]) => void;
  onMunicipalitiesChange: (codes: string[]) => void;
};

const selected = (select: HTMLSelectElement) => Array.from(select.selectedOptions, (o) => o.value);

export function ScopeFields(props: Props) {
  if (scopeOf(props.role).municipalities)
    return (
      <MunicipalityPicker
        idPrefix={props.idPrefix ?? 'user'}
        value={props.municipalities}
        onChange={props.onMunicipalitiesChange}
      />
    );
  return <SchoolScopeFields {...props} />;
}

function SchoolScopeFields({ idPrefix = 'user', role, schools, classIds, onSchoolsChange, onClassIdsChange }: Props) {
  const { t } = useTranslation();
  const scope = scopeOf(role);
  const options = useSchoolOptions();
  const classLists = useSchoolClassOptions(scope.classes ? schools : []);

  if (!scope.schools) return null;
  if (options.isPending) return <LoadingStatus />;
  if (options.isError) return <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />;

  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-schools`}>
          {t(scope.classes ? 'users.form.schoolsOfClasses' : 'users.form.schools')}
        </label>
        <select
          id={`${idPrefix}-schools`}
          multiple
          size={Math.min(6, Math.max(2, options.data.items.length))}
          value={schools}
          aria-describedby={`${idPrefix}-schools-hint`}
          onChange={(e) => onSchoolsChange(selected(e.currentTarget))}
        >
          {options.data.items.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} – {s.name}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-schools-hint`} className="hint">
          {t('users.form.multiHint')}
        </p>
      </div>
      {scope.classes && (
        <div className="field">
          <label htmlFor={`${idPrefix}-classes`}>{t('users.form.classes')}</label>
          {classLists.some((q) => q.isPending) && <LoadingStatus />}
          <select
            id={`${idPrefix}-classes`}
            multiple
            size={6}
            value={classIds.map(String)}
            aria-describedby={`${idPrefix}-classes-hint`}
            onChange={(e) => onClassIdsChange(selected(e.currentTarget).map(Number))}
          >
            {classLists.map((q) =>
              q.data ? (
                <optgroup key={q.data.code} label={q.data.name}>
                  {q.data.classList.map((c) => (
                    <option key={c.id} value={c.id}>
                      {t('users.form.classOption', { name: c.name, year: c.schoolYear })}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
          <p id={`${idPrefix}-classes-hint`} className="hint">
            {t(schools.length === 0 ? 'users.form.classesHint' : 'users.form.multiHint')}
          </p>
        </div>
      )}
    </>
  );
}
