// Demonstration page only: the language links switch the element (and the page) without reloading,
// so the answers stay; ?lang= in the address opens the page in that language.
const el = document.querySelector('sme-eligibility');
const use = lang => el.setAttribute('lang', lang);
const q = new URLSearchParams(location.search).get('lang');
if (q) use(q);
for (const a of document.querySelectorAll('nav a')) a.addEventListener('click', e => {
  e.preventDefault();
  const lang = new URL(a.href).searchParams.get('lang');
  use(lang);
  history.replaceState(null, '', '?lang=' + lang);
});
