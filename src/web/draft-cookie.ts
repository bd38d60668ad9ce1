import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isAppError } from '../errors.ts';
import type {
  ApplicationsService,
  DraftView,
} from '../modules/applications/applications.service.ts';
import type { AppEnv } from './app-env.ts';
import { isSecureRequest } from './middleware/security-headers.ts';
import { setResponseCookie } from './response-headers.ts';

/**
 * The browser holds its draft of a program through one cookie: the draft's
 * id and a 256-bit secret whose hash the draft row keeps. Never an answer,
 * and never in an address.
 */
const cookiePrefix = 'belong_draft_';
const cookieValue = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export function setDraftCookie(
  c: Context<AppEnv>,
  program: string,
  draftId: string,
  accessToken: string,
  days: number,
): void {
  setResponseCookie(c, `${cookiePrefix}${program}`, `${draftId}.${accessToken}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
    maxAge: days * 24 * 60 * 60,
  });
}

/** The draft this browser holds for the program, or undefined (none, expired, forgotten, moved). */
export async function heldDraft(
  c: Context<AppEnv>,
  applications: ApplicationsService,
  program: string,
): Promise<DraftView | undefined> {
  const match = cookieValue.exec(getCookie(c, `${cookiePrefix}${program}`) ?? '');
  if (!match) return undefined;
  try {
    return await applications.openDraft(match[1] as string, match[2] as string);
  } catch (error) {
    if (isAppError(error) && error.code === 'BLG_DRAFT_NOT_FOUND') return undefined;
    throw error;
  }
}
