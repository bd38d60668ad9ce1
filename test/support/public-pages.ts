/**
 * Every public page the app serves, by path without a language prefix, with
 * the status it answers. Browser, page-weight and pseudo-locale tests walk
 * this list in every language: a new public page is added here.
 */
export const publicPages: { path: string; status: number; name: string }[] = [
  { path: '/', status: 200, name: 'home' },
  { path: '/this-page-does-not-exist', status: 404, name: 'not found' },
  { path: '/civics', status: 200, name: 'civics start' },
  {
    path: '/civics/practice?test=2025&set=all&seed=1&i=0&r=0&w=0',
    status: 200,
    name: 'civics question',
  },
  {
    path: '/civics/practice?test=2008&set=senior&seed=2&i=3&r=2&w=1',
    status: 200,
    name: 'civics 65/20 question',
  },
  {
    path: '/civics/results?test=2025&set=all&seed=1&i=12&r=12&w=0',
    status: 200,
    name: 'civics results',
  },
  { path: '/civics/questions?test=2025', status: 200, name: 'civics 2025 questions' },
  { path: '/civics/questions?test=2008', status: 200, name: 'civics 2008 questions' },
  { path: '/check', status: 200, name: 'screener start' },
  { path: '/check/birth-date', status: 200, name: 'screener first question' },
  { path: '/impact/processing-times', status: 200, name: 'processing times' },
  { path: '/apply/naturalization', status: 200, name: 'apply: naturalization start' },
  { path: '/apply/tps', status: 200, name: 'apply: TPS start' },
  { path: '/apply/wa-relief', status: 200, name: 'apply: relief fund start' },
  { path: '/apply/wage-replacement', status: 200, name: 'apply: wage replacement start' },
  { path: '/apply/tps/resume', status: 200, name: 'apply: resume a saved application' },
  { path: '/status', status: 200, name: 'status: reference and claim code' },
  { path: '/translation-report?page=/check', status: 200, name: 'report a translation' },
];
