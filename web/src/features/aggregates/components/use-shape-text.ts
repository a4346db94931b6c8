import { useTranslation } from 'react-i18next';
import type { Dimension } from '@primm/shared/contracts/aggregates';
import type { FormatNumber } from './chart-model';
import { formatNumber } from '../../../lib/format';
import type { ShapeText } from './overview-chart-data';

/** Dimensions whose values are codes (the server's label is the code itself): translated here. */
const CODED: readonly Dimension[] = ['citizenshipGroup', 'sex', 'level', 'track'];

/** The labels the chart shaping needs, in the UI's language. */
export function useShapeText(rowHeader: string): ShapeText {
  const { t } = useTranslation();
  return {
    row: (dimension, code, label) => (CODED.includes(dimension) ? t(`regional.domain.${dimension}.${code}`) : label),
    series: (key) => t(`regional.series.${key}`),
    rowHeader,
    total: t('regional.total'),
  };
}

export function useFormatNumber(): FormatNumber {
  const { i18n } = useTranslation();
  return (value, digits) => formatNumber(value, i18n.language, digits);
}
