// #/invite: a patient accepts their clinician's invite (the link's token, or their username and the
// short code), sets a password and is signed in; then the usual intake builds their program.
import { ApiError, setPersonId } from '../api';
import { h } from '../dom';
import { clinicApi } from './api';
import { clinicError, forgetPerson, sentence, type ClinicKit } from './shell';

function field(id: string, label: string, help: string | null, attrs: Record<string, unknown>): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    help ? h('p', { class: 'help', id: `${id}-help` }, help) : null,
    h('input', { id, name: id, ...(help ? { 'aria-describedby': `${id}-help` } : {}), ...attrs }));
}

export function invitePage(kit: ClinicKit): void {
  const token = kit.params().get('invite') ?? '';
  const err = h('div', { id: 'invite-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Set my password');
  const form = h('form', { novalidate: true },
    token ? h('p', { class: 'notice ok' }, 'Your invite link is here. Choose a password to finish.')
      : [field('username', 'Username', 'The username your clinician gave you.', { type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }),
        field('code', 'Invite code', 'Eight letters and digits, like ABCD-2345.', { type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' })],
    field('password', 'New password', 'At least 10 characters. A few words you will remember works well.', { type: 'password', autocomplete: 'new-password' }),
    field('password2', 'The same password again', null, { type: 'password', autocomplete: 'new-password' }),
    err, h('p', {}, submit));
  const value = (name: string) => ((form.querySelector(`#${name}`) as HTMLInputElement | null)?.value ?? '');
  const say = (text: string) => err.replaceChildren(h('p', { class: 'error', role: 'alert' }, text));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.replaceChildren();
    if (!token && (!value('username').trim() || !value('code').trim())) { say('Enter your username and the invite code from your clinician.'); return; }
    if (!value('password')) { say('Choose a password.'); return; }
    if (value('password') !== value('password2')) { say('The two passwords are not the same. Type them again.'); return; }
    submit.setAttribute('disabled', '');
    try {
      const body = token ? { token, password: value('password') } : { username: value('username').trim(), code: value('code').trim(), password: value('password') };
      const { account } = await clinicApi.acceptInvite(body);
      forgetPerson();
      if (account.person) setPersonId(account.person);
      location.hash = '#/intake?new';
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) say(`${sentence(e.message)} Ask your clinician for a new invite.`);
      else if (e instanceof ApiError && e.status < 500) say(sentence(e.message));
      else err.replaceChildren(clinicError(e, 'Accepting the invite'));
    } finally {
      submit.removeAttribute('disabled');
    }
  });
  kit.page('Accept your invite',
    h('p', {}, 'Your clinician invited you to do your knee exercises with kneecoach. Set a password, then answer a few questions about your knee (about five minutes) to get your program.'),
    form,
    h('p', {}, 'Already have a password? ', h('a', { href: '#/clinic/sign-in' }, 'Sign in'), '.'));
}
