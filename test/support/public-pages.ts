/**
 * Every public page the app serves, by path without a language prefix, with
 * the status it answers. Browser, page-weight and pseudo-locale tests walk
 * this list in every language: a new public page is added here.
 */
export const publicPages: { path: string; status: number; name: string }[] = [
  { path: '/', status: 200, name: 'home' },
  { path: '/this-page-does-not-exist', status: 404, name: 'not found' },
];
