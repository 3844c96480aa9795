// What the clinic pages share: the page kit from main.ts, the signed-in bar with sign-out, and the
// plain-words messages for no connection, an ended sign-in and a part the server does not have yet.
import { ApiError } from '../api';
import { h, type Kids } from '../dom';
import { clinicApi, missingRoute, signedOut, type Account } from './api';

export interface ClinicKit {
  page: (title: string, ...body: Kids[]) => void;
  params: () => URLSearchParams;
}

/** The message for a failed clinic request: what happened and what to do, in plain words. */
export function clinicError(e: unknown, what = 'This page'): HTMLElement {
  if (e instanceof TypeError) {
    return h('div', { class: 'notice bad', role: 'alert' },
      h('p', {}, h('strong', {}, 'No connection. '), `${what} needs the clinic server, and this device is offline or the server does not answer. Nothing was changed. Try again when you are back online.`));
  }
  if (signedOut(e)) {
    const next = encodeURIComponent(location.hash.replace(/^#/, ''));
    return h('div', { class: 'notice bad', role: 'alert' },
      h('p', {}, h('strong', {}, 'You are signed out. '), 'A sign-in ends after 30 minutes without use and 12 hours after signing in. Nothing was changed.'),
      h('p', {}, h('a', { class: 'button', href: `#/clinic/sign-in?next=${next}` }, 'Sign in again')));
  }
  if (missingRoute(e)) {
    return h('div', { class: 'notice warn', role: 'status' },
      h('p', {}, `${what} is not available on this clinic server yet (it answered: ${(e as ApiError).message}).`));
  }
  return h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, sentence(e instanceof Error ? e.message : String(e))));
}

/** A server message as a sentence: "no such invite; ..." -> "No such invite; ...". */
export function sentence(text: string): string {
  const t = text.trim();
  return t ? t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.') : t;
}

/** Forgets what this browser kept of a person (their id, the offline copies of their data). */
export function forgetPerson(): void {
  localStorage.removeItem('kneecoach.person');
  if ('caches' in window) void caches.delete('kc-data-v1').catch(() => undefined);
}

/** "Signed in as NAME (clinician) [Sign out]": signing out ends the session on the server. */
export function signedInBar(account: Account): HTMLElement {
  const status = h('span', { role: 'status' });
  const out = h('button', { type: 'button', class: 'secondary small', onclick: async () => {
    try {
      await clinicApi.logout();
    } catch (e) {
      if (!signedOut(e)) { status.replaceChildren(clinicError(e, 'Signing out')); return; }
    }
    forgetPerson();
    location.hash = '#/clinic/sign-in?out=1';
  } }, 'Sign out');
  const security = account.role === 'patient' ? null : h('a', { href: '#/clinic/security', class: 'small' }, 'Two-factor sign-in');
  return h('div', { class: 'clinic-bar' }, h('span', {}, 'Signed in as ', h('strong', {}, account.username), ` (${account.role})`), security, out, status);
}

/** The signed-in clinician, or null after drawing why not (signed out, offline, not a clinician). */
export async function needClinician(kit: ClinicKit, title: string): Promise<Account | null> {
  try {
    const { account } = await clinicApi.me();
    if (account.role === 'clinician') return account;
    kit.page(title, h('p', { class: 'notice warn' }, `These pages are for clinicians; you are signed in as ${account.username} (${account.role}).`),
      account.role === 'patient' ? h('p', {}, h('a', { class: 'button', href: '#/' }, 'Go to my exercises')) : null,
      signedInBar(account));
    return null;
  } catch (e) {
    if (signedOut(e)) {
      location.hash = `#/clinic/sign-in?next=${encodeURIComponent(location.hash.replace(/^#/, ''))}`;
      return null;
    }
    kit.page(title, clinicError(e));
    return null;
  }
}

/** "6 Dec 2026, 09:14" for an ISO instant, in the browser's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
