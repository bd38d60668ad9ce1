/*
 * Civics practice: a "Listen" button that reads the question aloud with the
 * browser's own speech synthesis, in the language of the text. An extra for
 * the browsers that have it: without this script, or without a voice, the
 * page works the same. Served from our own origin (the Content-Security-Policy
 * allows no inline script).
 */
(() => {
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return;
  const page = document.querySelector('[data-listen-label]');
  if (!page) return;
  const label = page.getAttribute('data-listen-label') || '';

  function languageOf(element) {
    const owner = element.closest('[lang]');
    return owner ? owner.getAttribute('lang') : document.documentElement.lang;
  }

  function voiceFor(lang) {
    const voices = window.speechSynthesis.getVoices();
    const base = lang.split('-')[0];
    return (
      voices.find((voice) => voice.lang === lang) ||
      voices.find((voice) => voice.lang.split('-')[0] === base) ||
      null
    );
  }

  for (const element of document.querySelectorAll('[data-speak]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'civics-button civics-button--secondary civics-listen';
    button.textContent = label;
    button.addEventListener('click', () => {
      window.speechSynthesis.cancel();
      const text =
        element.tagName === 'UL'
          ? Array.from(element.querySelectorAll('li'), (item) => item.textContent).join('. ')
          : element.textContent;
      const utterance = new SpeechSynthesisUtterance(text || '');
      const lang = languageOf(element) || 'en';
      utterance.lang = lang;
      const voice = voiceFor(lang);
      if (voice) utterance.voice = voice;
      window.speechSynthesis.speak(utterance);
    });
    element.insertAdjacentElement('afterend', button);
  }
})();
