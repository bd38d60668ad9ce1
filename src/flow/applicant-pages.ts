import type { MessageKey } from '../i18n/message-key.ts';
import type { FlowDefinition, FlowPage } from './flow-definition.ts';

/*
 * The pages every application asks: who the person is and how to reach
 * them. Identity and contact live under `applicant.` and never reach the
 * rules (`ruleAnswers`). The birth date is the exception a program may
 * claim: where its rules read one (naturalization, wa-relief), it is asked
 * once, at the path the rules read; elsewhere it is `applicant.birthDate`.
 * Either way it carries `autocomplete: 'bday'`, which is how the
 * applications module finds it to reopen a draft (`birthDatePath`).
 */

/** Name first: every application is someone's. */
export const applicantNamePage: FlowPage = {
  key: 'your-name',
  title: 'flow.nameTitle',
  why: 'flow.nameWhy',
  fields: [
    {
      path: 'applicant.givenName',
      kind: 'text',
      label: 'flow.givenName',
      maxLength: 100,
      autocomplete: 'given-name',
    },
    {
      path: 'applicant.familyName',
      kind: 'text',
      label: 'flow.familyName',
      hint: 'flow.familyNameHint',
      maxLength: 100,
      autocomplete: 'family-name',
    },
  ],
};

/** The birth date at `path`: top-level when the program's rules read it. */
export function birthDatePage(path: 'birthDate' | 'applicant.birthDate'): FlowPage {
  return {
    key: 'date-of-birth',
    title: 'flow.birthDateTitle',
    why: path === 'birthDate' ? 'flow.birthDateWhyRules' : 'flow.birthDateWhy',
    fields: [{ path, kind: 'date', label: 'flow.birthDateTitle', autocomplete: 'bday' }],
  };
}

/** How to reach the person: optional, and says who sees it. */
export const contactPage: FlowPage = {
  key: 'contact',
  title: 'flow.contactTitle',
  why: 'flow.contactWhy',
  fields: [
    {
      path: 'applicant.phone',
      kind: 'phone',
      label: 'flow.phone',
      hint: 'flow.phoneHint',
      optional: true,
      autocomplete: 'tel',
    },
    {
      path: 'applicant.email',
      kind: 'email',
      label: 'flow.email',
      optional: true,
      autocomplete: 'email',
    },
  ],
};

/** The languages Belong speaks (src/i18n/locales.ts), and "another". */
const languages: readonly [string, MessageKey][] = [
  ['en', 'flow.languageEn'],
  ['es', 'flow.languageEs'],
  ['vi', 'flow.languageVi'],
  ['zh-Hans', 'flow.languageZhHans'],
  ['zh-Hant', 'flow.languageZhHant'],
  ['ru', 'flow.languageRu'],
  ['uk', 'flow.languageUk'],
  ['ko', 'flow.languageKo'],
  ['so', 'flow.languageSo'],
  ['tl', 'flow.languageTl'],
  ['am', 'flow.languageAm'],
  ['ar', 'flow.languageAr'],
  ['other', 'flow.languageOther'],
];

export const languagePage: FlowPage = {
  key: 'language',
  title: 'flow.languageTitle',
  fields: [
    {
      path: 'applicant.language',
      kind: 'choice',
      label: 'flow.languageTitle',
      hint: 'flow.languageHint',
      options: languages.map(([value, label]) => ({ value, label })),
    },
  ],
};

/** The application's pages: name and birth date first, the program's own, then contact and language. */
export function applicationPages(
  birthDate: 'birthDate' | 'applicant.birthDate',
  programPages: readonly FlowPage[],
): FlowPage[] {
  return [applicantNamePage, birthDatePage(birthDate), ...programPages, contactPage, languagePage];
}

/** Where a flow keeps the birth date that, with a resume code, reopens a draft. */
export function birthDatePath(flow: FlowDefinition): string | undefined {
  for (const page of flow.pages) {
    const field = page.fields.find((candidate) => candidate.autocomplete === 'bday');
    if (field) return page.repeat ? undefined : field.path;
  }
  return undefined;
}
