// The demonstration page's language links switch the element's language without a reload, so the
// answers stay; ?lang= in the address chooses the language on arrival (this script runs before the
// widget's, so that the widget fetches that language's words first).
const widget = document.querySelector('sme-eligibility');

function useLanguage(lang) {
  if (lang) widget.setAttribute('lang', lang);
}

useLanguage(new URLSearchParams(location.search).get('lang'));
document.querySelector('nav').addEventListener('click', event => {
  const lang = /** @type {HTMLElement} */ (event.target).lang;
  if (!lang) return;
  event.preventDefault();
  useLanguage(lang);
  history.replaceState(null, '', '?lang=' + lang);
});
