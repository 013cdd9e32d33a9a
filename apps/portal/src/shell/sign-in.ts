/** The sign-in form: a bearer token, checked with the server, kept for the tab or on this device. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SignInProblem } from '../connection.js';
import { field } from '../lib/form.js';

export function signInProblemText(problem: SignInProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Paste your token first.');
    case 'rejected':
      return msg('The server does not accept this token: it may be mistyped or revoked. Ask an admin for a new one.');
    case 'anonymous':
      return msg('The server answered without a role for this token. Ask an admin for a viewer, responder or admin token.');
    case 'unreachable':
      return msg('The server cannot be reached. Check your connection, then try again.');
    default:
      return msg('Signing in failed. Try again; if it keeps failing, tell whoever runs the server.');
  }
}

export function renderSignIn(options: {
  readonly busy: boolean;
  readonly problem: SignInProblem | null;
  readonly onSubmit: (token: string, remember: boolean) => void;
}): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    options.onSubmit(field(data, 'token'), data.get('remember') === 'on');
  };
  return html`<section class="sign-in" aria-labelledby="sign-in-title">
    <h1 id="sign-in-title">${msg('Sign in to Hansei')}</h1>
    <p class="muted">
      ${msg('Use the API token an admin gave you. Viewers read; responders also run incidents and postmortems; admins also configure.')}
    </p>
    <form @submit=${submit} novalidate>
      <label class="field" for="token">${msg('Token')}</label>
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="current-password"
        spellcheck="false"
        required
        aria-describedby="token-hint ${options.problem ? 'sign-in-error' : ''}"
        aria-invalid=${options.problem ? 'true' : 'false'}
      />
      <p id="token-hint" class="muted hint">${msg('`hansei serve --demo` prints an admin token; `hansei token create` makes others.')}</p>
      <label class="check"><input type="checkbox" name="remember" /> ${msg('Keep me signed in on this device')}</label>
      ${options.problem ? html`<p id="sign-in-error" class="error" role="alert">${signInProblemText(options.problem)}</p>` : ''}
      <button class="primary" type="submit" ?disabled=${options.busy}>${options.busy ? msg('Checking…') : msg('Sign in')}</button>
    </form>
  </section>`;
}
