/*
 * Passkeys on the staff pages (docs/decisions/0032-staff-passkeys.md).
 *
 * A form marked data-passkey="register" or "authenticate" carries the
 * server's WebAuthn options as JSON in data-passkey-options. It is hidden
 * until this script finds a browser that can use a passkey; then its
 * button asks the browser (through @simplewebauthn/browser, loaded just
 * before this file) and posts the signed answer in a hidden `credential`
 * field, like any other form. Without script, or without WebAuthn, the
 * form stays hidden and the page's authenticator-app path is all there is.
 * Every word shown comes from the page (data-passkey-cancelled), never
 * from here.
 */
(() => {
  const webauthn = window.SimpleWebAuthnBrowser;
  if (!webauthn?.browserSupportsWebAuthn()) return;

  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) {
    note.hidden = true;
  }

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.hidden = false;
    const status = form.querySelector('[data-passkey-status]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const optionsJSON = JSON.parse(form.getAttribute('data-passkey-options') || '{}');
      try {
        const answer =
          form.getAttribute('data-passkey') === 'register'
            ? await webauthn.startRegistration({ optionsJSON })
            : await webauthn.startAuthentication({ optionsJSON });
        const field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'credential';
        field.value = JSON.stringify(answer);
        form.append(field);
        form.submit();
      } catch {
        // Cancelled, timed out, or no matching passkey on this device.
        if (status) {
          status.textContent = form.getAttribute('data-passkey-cancelled') || '';
          status.hidden = false;
        }
      }
    });
  }
})();
