import { http, HttpResponse } from 'msw';
import { FamilyLanguage } from '@primm/shared/contracts/family';
import {
  LetterTemplateParams,
  StudentLetterParams,
  letterTemplateInput,
  type LetterTemplate,
  type LetterTemplateList,
  type StudentLetterTemplates,
} from '@primm/shared/contracts/letters';
import { errorBody } from '../fixtures';
import { currentMockSession } from './auth';
import { mockFamilyLanguage } from './family';

/**
 * The templates the server ships (server/src/letters/templates/*.md), read as text by vite, so the
 * mocks print the same letters as the server; edits within a test are reset after it.
 */
const shipped = import.meta.glob<string>('../../../../server/src/letters/templates/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const initial = (): LetterTemplate[] =>
  Object.entries(shipped)
    .filter(([path]) => !path.endsWith('README.md'))
    .map(([path, body]) => {
      const [name, language] = path.split('/').at(-1)!.replace(/\.md$/, '').split('.');
      return {
        kind: name!.replaceAll('-', '_') as LetterTemplate['kind'],
        language: FamilyLanguage.parse(language),
        body: body.trim(),
        updatedAt: null,
        updatedBy: null,
        verifiedAt: null,
        verifiedBy: null,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.language.localeCompare(b.language));

let templates = initial();

export function resetMockLetters(): void {
  templates = initial();
}

const LETTER_ROLES = ['admin', 'referente', 'mediatore'];
const forbidden = () => HttpResponse.json(errorBody('forbidden'), { status: 403 });

export const lettersHandlers = [
  http.get('/api/letter-templates', () => {
    if (currentMockSession()?.role !== 'admin') return forbidden();
    return HttpResponse.json<LetterTemplateList>({ items: templates });
  }),

  http.put('/api/letter-templates/:kind/:language', async ({ params, request }) => {
    if (currentMockSession()?.role !== 'admin') return forbidden();
    const key = LetterTemplateParams.parse(params);
    // Mocks honour the contract: unknown placeholders are refused with the server's reason.
    const input = letterTemplateInput(key.kind).safeParse(await request.json().catch(() => undefined));
    if (!input.success)
      return HttpResponse.json(
        {
          error: {
            code: 'validation_failed',
            message: 'Richiesta non valida',
            details: input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        },
        { status: 400 },
      );
    const me = currentMockSession()!;
    const found = templates.find((t) => t.kind === key.kind && t.language === key.language);
    if (!found) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const saved: LetterTemplate = {
      ...found,
      body: input.data.body,
      updatedAt: new Date().toISOString(),
      updatedBy: { id: me.id, name: me.displayName },
      verifiedAt: null,
      verifiedBy: null,
    };
    templates = templates.map((t) => (t === found ? saved : t));
    return HttpResponse.json<LetterTemplate>(saved);
  }),

  http.post('/api/letter-templates/:kind/:language/verification', ({ params }) => {
    if (currentMockSession()?.role !== 'admin') return forbidden();
    const key = LetterTemplateParams.parse(params);
    const me = currentMockSession()!;
    const found = templates.find((t) => t.kind === key.kind && t.language === key.language);
    if (!found) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const saved: LetterTemplate = {
      ...found,
      verifiedAt: new Date().toISOString(),
      verifiedBy: { id: me.id, name: me.displayName },
    };
    templates = templates.map((t) => (t === found ? saved : t));
    return HttpResponse.json<LetterTemplate>(saved);
  }),

  http.get('/api/students/:studentId/letters/:kind', ({ params }) => {
    if (!LETTER_ROLES.includes(currentMockSession()?.role ?? '')) return forbidden();
    const { studentId, kind } = StudentLetterParams.parse(params);
    const familyLanguage = mockFamilyLanguage(studentId);
    const wanted = familyLanguage && familyLanguage !== 'it' ? familyLanguage : null;
    const translation = templates.find((t) => t.kind === kind && t.language === wanted) ?? null;
    return HttpResponse.json<StudentLetterTemplates>({
      kind,
      familyLanguage,
      italian: templates.find((t) => t.kind === kind && t.language === 'it')!,
      translation,
      translationMissing: wanted !== null && translation === null,
    });
  }),
];
