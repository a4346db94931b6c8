import { checkName, describeNameProblem } from '@primm/shared/text/check-name';
import { RowError } from './csv-file';

/**
 * A name as a file writes it (a student's surname, a school's denomination, a town), or a
 * RowError naming the column: control characters, direction overrides and line breaks are
 * refused, not cleaned (shared/src/text/check-name.ts says why), and so is an overlong value.
 */
export function nameField(value: string, column: string, max: number): string {
  const problem = checkName(value, max);
  if (problem) throw new RowError(column, describeNameProblem(problem));
  return value;
}

/** Like nameField, for an optional column: '' stays null. */
export function optionalNameField(value: string, column: string, max: number): string | null {
  return value === '' ? null : nameField(value, column, max);
}
