// The language links switch the element without a reload: answers stay.
const el = document.querySelector('sme-eligibility'), use = lang => lang && el.setAttribute('lang', lang);
use(new URLSearchParams(location.search).get('lang'));
document.querySelector('nav').addEventListener('click', e => {
  if (!e.target.lang) return;
  e.preventDefault();
  use(e.target.lang);
  history.replaceState(null, '', '?lang=' + e.target.lang);
});
