import { screen } from '@testing-library/react';
import { act } from 'react';
import { afterEach, expect, test } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../testing/render';
import { IndicatorList } from './indicator-list';

const chronic = {
  key: 'attendance_rate' as const,
  domain: 'frequenza' as const,
  level: 'attention' as const,
  value: 0.88,
  explanation:
    'Presente il 88 % delle ore finora (assente 72 su 600): assenza cronica (presenza sotto la soglia: 90 %).',
  explanationKey: 'explain.attendance_rate.cronica',
  explanationParams: { rate: 0.88, absent: 72, held: 600, threshold: 0.9 },
};

afterEach(() => act(() => void i18n.changeLanguage('it')));

test.each([
  ['it', 'Presente il 88 % delle ore finora (assente 72 su 600): assenza cronica (presenza sotto la soglia: 90 %).'],
  ['en', 'Present for 88% of the hours so far (absent 72 of 600): chronic absence (attendance below the line: 90%).'],
])(
  'IndicatorList: when the language is %s, then the sentence is worded from its message key and parameters',
  async (language, sentence) => {
    renderWithProviders(<IndicatorList indicators={[chronic]} />);
    await act(() => i18n.changeLanguage(language));

    expect(await screen.findByText(sentence)).toBeInTheDocument();
  },
);
