// #/clinic/sign-in: username and password, then the TOTP code when the server asks for it (a 401
// naming the field "totp"). The server decides everything: wrong details, locks, expiry.
import { ApiError, setPersonId } from '../api';
import { h } from '../dom';
import { clinicApi, type Account } from './api';
import { clinicError, forgetPerson, sentence, type ClinicKit } from './shell';

/** Where a signed-in account goes: a clinician to the caseload (or `next`), a patient to their exercises, an
 *  admin to the two-factor page when that is `next`. */
export function landing(account: Account, next: string | null): string {
  if (account.role === 'patient') {
    if (account.person) setPersonId(account.person);
    return '#/';
  }
  if (account.role === 'clinician') return next && next.startsWith('/clinic') ? `#${next}` : '#/clinic';
  return next === '/clinic/security' ? '#/clinic/security' : '#/clinic/sign-in?admin=1';
}

function field(id: string, label: string, attrs: Record<string, unknown>): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id, ...attrs }));
}

export function signInPage(kit: ClinicKit): void {
  const params = kit.params();
  const note = params.has('out') ? h('p', { class: 'notice ok', role: 'status' }, 'You are signed out.')
    : params.has('admin') ? h('p', { class: 'notice warn', role: 'status' }, 'Admin accounts manage the practice with the clinic commands; these pages are for clinicians and patients. An admin can turn on ',
      h('a', { href: '#/clinic/security' }, 'two-factor sign-in'), ' here.')
      : null;
  const totpBox = h('div', { hidden: true }, field('totp', 'Code from your authenticator app (6 digits)', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9]*' }));
  const err = h('div', { id: 'sign-in-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { novalidate: true },
    field('username', 'Username', { type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    totpBox, err, h('p', {}, submit));
  const value = (name: string) => ((form.querySelector(`#${name}`) as HTMLInputElement).value);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.replaceChildren();
    if (!value('username').trim() || !value('password')) {
      err.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Enter your username and your password.'));
      return;
    }
    submit.setAttribute('disabled', '');
    try {
      const { account } = await clinicApi.login(value('username').trim(), value('password'), totpBox.hidden ? undefined : value('totp').trim());
      forgetPerson();
      location.hash = landing(account, params.get('next'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && (e.body as { error?: { field?: string } } | null)?.error?.field === 'totp') {
        const first = totpBox.hidden;
        totpBox.hidden = false;
        err.replaceChildren(h('p', { class: first ? 'help' : 'error', role: 'alert' }, first ? 'Your account asks for a code: enter the 6 digits your authenticator app shows now.' : sentence(e.message)));
        (form.querySelector('#totp') as HTMLInputElement).focus();
      } else if (e instanceof ApiError && e.status === 401) {
        err.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${sentence(e.message)} Check both and try again; after 5 wrong tries the account waits 15 minutes.`));
      } else {
        err.replaceChildren(clinicError(e, 'Signing in'));
      }
    } finally {
      submit.removeAttribute('disabled');
    }
  });
  kit.page('Sign in to the clinic', note,
    h('p', {}, 'For clinicians and their patients. Your clinic gives you your username.'), form,
    h('p', {}, 'A patient with an invite: ', h('a', { href: '#/invite' }, 'accept your invite'), '.'));
}
