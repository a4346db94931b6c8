/**
 * The cut date of a backtest: what was known on that day of a past school year. `MM-DD` is placed
 * in the year it falls in (September–December in the first calendar year of `2024/25`, January–
 * August in the second); without it, each school's end of the first period (its term 1), the day
 * of the first scrutinio, when the class council would first act on a warning.
 */
export function cutDateOf(
  schoolYear: string,
  monthDay: string | undefined,
  school: { firstTermEnd: string | null; lessonsStart: string; lessonsEnd: string },
): string {
  let date: string;
  if (monthDay !== undefined) {
    const start = Number(schoolYear.slice(0, 4));
    const month = Number(monthDay.slice(0, 2));
    const calendarYear = month >= 9 ? start : start + 1;
    const leap = (calendarYear % 4 === 0 && calendarYear % 100 !== 0) || calendarYear % 400 === 0;
    date = `${calendarYear}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
  } else {
    date = school.firstTermEnd ?? school.lessonsEnd;
  }
  // Within the lessons: before them nothing is known, after them nothing more happens.
  return date < school.lessonsStart ? school.lessonsStart : date > school.lessonsEnd ? school.lessonsEnd : date;
}

/** `MM-DD` of a real day (29 February allowed: it exists in some years). */
export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}
