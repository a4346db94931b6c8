import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { aFamilyNoticeLetter } from '../../../testing/fixtures';
import { setMockFamilyLanguage } from '../../../testing/handlers/family';
import { renderWithProviders } from '../../../testing/render';
import { verifyLetterTemplate } from '../api/update-letter-template';
import { FamilyNoticeTexts } from './family-notice-texts';

const letter = aFamilyNoticeLetter({
  student: {
    lastName: 'Benali',
    firstName: 'Yasmine',
    sex: 'F',
    birthDate: '2011-04-02',
    residence: 'Jesi',
    className: '2B',
  },
});

function renderNotice(studentId = 1005) {
  renderWithProviders(
    <FamilyNoticeTexts studentId={studentId} letter={letter} protocol="77" address="" letterDate="10/03/2026" />,
  );
}

test('BilingualLetter: when the family reads Arabic, then the Italian letter, then the Arabic one right to left, filled, marked unverified in both languages', async () => {
  setMockFamilyLanguage(1005, 'ar');

  renderNotice();

  const italian = await screen.findByRole('article', { name: 'Lettera alla famiglia' });
  const arabic = screen.getByRole('article', { name: 'Traduzione in arabo' });
  expect(italian).toHaveAttribute('lang', 'it');
  expect(italian).toHaveTextContent('vi informiamo che Benali Yasmine (data di nascita: 02/04/2011)');
  expect(arabic).toHaveAttribute('lang', 'ar');
  expect(arabic).toHaveAttribute('dir', 'rtl');
  // each value a bidi isolate (U+2068 … U+2069): the Latin name and dates keep their order in Arabic
  expect(arabic).toHaveTextContent(
    'نحيطكم علمًا بأن \u2068Benali Yasmine\u2069 (تاريخ الميلاد: \u206802/04/2011\u2069)',
  );
  expect(arabic).not.toHaveTextContent('{{');
  expect(within(arabic).getByText('Traduzione non verificata: fa fede il testo italiano.')).toHaveAttribute(
    'lang',
    'it',
  );
  expect(arabic).toHaveTextContent('ترجمة غير مُراجَعة: النص الإيطالي هو المعتمد.');
  expect(arabic).toHaveTextContent('Traduzione in arabo (العربية) della lettera prot. n. 77 del 10/03/2026');
  // the Italian letter comes first in the page, so first on paper
  expect(italian.compareDocumentPosition(arabic) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

test('BilingualLetter: when the family reads Romanian, then the translation is left to right', async () => {
  setMockFamilyLanguage(1005, 'ro');

  renderNotice();

  const romanian = await screen.findByRole('article', { name: 'Traduzione in romeno' });
  expect(romanian).toHaveAttribute('lang', 'ro');
  expect(romanian).toHaveAttribute('dir', 'ltr');
  expect(romanian).toHaveTextContent('vă informăm că Benali Yasmine');
});

test.each([
  ['it', 'Lingua della famiglia: italiano.'],
  [null, 'Lingua della famiglia non registrata: la lettera è solo in italiano.'],
] as const)(
  'BilingualLetter: when the family language is %s, then only the Italian letter prints',
  async (language, line) => {
    setMockFamilyLanguage(1005, language);

    renderNotice();

    await screen.findByRole('article', { name: 'Lettera alla famiglia' });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByText(line)).toBeInTheDocument();
    expect(screen.queryByText(/Traduzione non verificata/)).not.toBeInTheDocument();
  },
);

test('BilingualLetter: when no template exists for the family language, then the Italian letter says the translation is not available', async () => {
  setMockFamilyLanguage(1005, 'wo');

  renderNotice();

  const italian = await screen.findByRole('article', { name: 'Lettera alla famiglia' });
  expect(screen.getAllByRole('article')).toHaveLength(1);
  expect(within(italian).getByRole('note')).toHaveTextContent(
    'Traduzione in wolof non disponibile: la lettera è stampata solo in italiano.',
  );
});

test('BilingualLetter: when the translation was verified, then no "non verificata" prints and the screen says who verified it', async () => {
  setMockFamilyLanguage(1005, 'ar');
  await verifyLetterTemplate({ kind: 'family_notice', language: 'ar' }); // as the admin (the mocks' default)

  renderNotice();

  const arabic = await screen.findByRole('article', { name: 'Traduzione in arabo' });
  expect(arabic).not.toHaveTextContent('Traduzione non verificata');
  expect(arabic).not.toHaveTextContent('ترجمة غير مُراجَعة');
  expect(
    within(arabic).getByText(/^Traduzione verificata da Amministratore dimostrativo il \d{2}\/\d{2}\/\d{4}\.$/),
  ).toHaveClass('no-print');
});
