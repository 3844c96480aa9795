// #/clinic/security: a clinician (or admin) turns two-factor sign-in (TOTP, RFC 6238) on or off for
// their own account. Turning it on shows the secret, in groups of four for typing into an
// authenticator app, and its otpauth:// link (no QR code: the link opens an app on this device), and
// asks for a current code before the server starts asking for one at sign-in. Turning it off takes a
// current code or the password. Every rule is the server's; the page carries it.
import { ApiError } from '../api';
import { h } from '../dom';
import { clinicApi, signedOut, type Account } from './api';
import { clinicError, sentence, signedInBar, type ClinicKit } from './shell';

const TITLE = 'Two-factor sign-in';

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP": easier to read out and to type. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function field(id: string, label: string, help: string, attrs: Record<string, unknown>): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('p', { class: 'help', id: `${id}-help` }, help),
    h('input', { id, name: id, 'aria-describedby': `${id}-help`, ...attrs }));
}
const codeAttrs = { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9]*', spellcheck: 'false' };

/** The error of a failed request under `box`: the server's words for a 4xx, else the clinic's notice. */
function showError(box: HTMLElement, e: unknown, what: string): void {
  if (e instanceof ApiError && e.status >= 400 && e.status < 500 && !signedOut(e)) {
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, sentence(e.message)));
  } else {
    box.replaceChildren(clinicError(e, what));
  }
}

export async function securityPage(kit: ClinicKit): Promise<void> {
  let account: Account;
  try {
    account = (await clinicApi.me()).account;
  } catch (e) {
    if (signedOut(e)) { location.hash = `#/clinic/sign-in?next=${encodeURIComponent('/clinic/security')}`; return; }
    kit.page(TITLE, clinicError(e));
    return;
  }
  if (account.role === 'patient') {
    kit.page(TITLE, h('p', { class: 'notice warn' }, 'Two-factor sign-in is for clinicians and admins. Your sign-in stays as it is.'),
      h('p', {}, h('a', { class: 'button', href: '#/' }, 'Go to my exercises')), signedInBar(account));
    return;
  }
  if (account.totp_enabled) onView(kit, account); else offView(kit, account);
}

const back = (account: Account) => account.role === 'clinician' ? h('p', {}, h('a', { href: '#/clinic' }, 'Back to the caseload')) : null;

/** Off: what it is, and a button that makes a secret. */
function offView(kit: ClinicKit, account: Account): void {
  const err = h('div', { 'aria-live': 'assertive' });
  const start = h('button', { type: 'button', id: 'totp-start' }, 'Turn on two-factor sign-in');
  start.addEventListener('click', async () => {
    start.setAttribute('disabled', '');
    try {
      const enrolment = await clinicApi.totpEnable();
      enrolView(kit, account, enrolment.secret, enrolment.uri);
    } catch (e) {
      showError(err, e, 'Turning on two-factor sign-in');
      start.removeAttribute('disabled');
    }
  });
  kit.page(TITLE, signedInBar(account),
    h('p', { class: 'notice', role: 'status', id: 'totp-state' }, 'Two-factor sign-in is off: your password alone signs you in.'),
    h('p', {}, 'With it on, signing in also asks for a 6-digit code from an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator), so a stolen password is not enough to open your patients\' records.'),
    err, h('p', {}, start), back(account));
}

/** Enrolment: the secret and its link, then a current code to confirm. */
function enrolView(kit: ClinicKit, account: Account, secret: string, uri: string): void {
  const err = h('div', { id: 'totp-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Confirm and turn on');
  const form = h('form', { novalidate: true, id: 'totp-confirm' },
    field('totp-code', 'Code from your app', 'The 6 digits your app shows now for kneecoach.', codeAttrs), err, h('p', {}, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const code = (form.querySelector('#totp-code') as HTMLInputElement).value.replace(/\s/g, '');
    if (!/^[0-9]{6}$/.test(code)) { err.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Enter the 6 digits your app shows now.')); return; }
    submit.setAttribute('disabled', '');
    try {
      await clinicApi.totpConfirm(code);
      onView(kit, { ...account, totp_enabled: true }, 'Two-factor sign-in is on. From your next sign-in, enter the code your app shows.');
    } catch (e) {
      showError(err, e, 'Confirming the code');
      submit.removeAttribute('disabled');
    }
  });
  kit.page(TITLE, signedInBar(account),
    h('ol', { class: 'steps' },
      h('li', {}, h('p', {}, 'In your authenticator app, add an account by entering a setup key (or open the link below on the phone that has the app).'),
        h('dl', { class: 'totp-details' },
          h('dt', {}, 'Account'), h('dd', {}, `kneecoach: ${account.username}`),
          h('dt', {}, 'Setup key'), h('dd', {}, h('code', { id: 'totp-secret' }, groupSecret(secret))),
          h('dt', {}, 'Type'), h('dd', {}, 'Time-based, 6 digits, every 30 seconds')),
        h('p', {}, h('a', { href: uri, id: 'totp-uri' }, 'Open in an authenticator app on this device')),
        h('p', { class: 'help' }, 'Keep the setup key to yourself: anyone with it can make your codes. It is not shown again.')),
      h('li', {}, h('p', {}, 'Enter the code the app shows now, to prove it has the key. Until then your sign-in does not change.'), form)),
    back(account));
  (form.querySelector('#totp-code') as HTMLInputElement).focus();
}

/** On: a way to turn it off with a current code or the password. */
function onView(kit: ClinicKit, account: Account, done = ''): void {
  const err = h('div', { id: 'totp-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'secondary' }, 'Turn off two-factor sign-in');
  const form = h('form', { novalidate: true, id: 'totp-off' },
    h('fieldset', {}, h('legend', {}, 'Turn it off'),
      field('totp-off-code', 'Code from your app', 'The 6 digits your app shows now.', codeAttrs),
      field('totp-off-password', 'Or your password', 'If your phone is lost or replaced.', { type: 'password', autocomplete: 'current-password' })),
    err, h('p', {}, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const code = (form.querySelector('#totp-off-code') as HTMLInputElement).value.replace(/\s/g, '');
    const password = (form.querySelector('#totp-off-password') as HTMLInputElement).value;
    if (!code && !password) { err.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Enter a current code from your app, or your password.')); return; }
    submit.setAttribute('disabled', '');
    try {
      await clinicApi.totpDisable(code ? { code } : { password });
      offView(kit, { ...account, totp_enabled: false });
    } catch (e) {
      showError(err, e, 'Turning off two-factor sign-in');
      submit.removeAttribute('disabled');
    }
  });
  kit.page(TITLE, signedInBar(account),
    h('p', { class: 'notice ok', role: 'status', id: 'totp-state' }, done || 'Two-factor sign-in is on: signing in asks for a code from your authenticator app.'),
    form, back(account));
}
