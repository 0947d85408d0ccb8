// The demonstration page speaks the widget's language: its own words (title, header, note) and its
// lang follow the element's lang attribute, whether the language is chosen by the links here or by
// the widget's own buttons (which set that attribute); the answers stay (the element is kept). The
// links switch without a reload; ?lang= in the address chooses the language on arrival (this script
// runs before the widget's, so that the widget fetches that language's words first).
const widget = document.querySelector('sme-eligibility');

const WORDS = {
  'zh-CN': {
    title: '惠企政策自测 · 沪企服办〔2023〕1号',
    heading: '《上海市助力中小微企业稳增长调结构强能力若干措施》自测',
    intro: '28 项措施中哪些适用于您的企业、约值多少、依据哪一条、期限到何时、向谁咨询。全部在浏览器中测算，数据不上传。',
    embed: '嵌入方法见',
    offline: '下载离线版：一个 HTML 文件，保存后断网也能打开，不发出任何请求',
    noteLabel: '提示：',
    note: '结果仅为估算，不是官方认定或决定。',
  },
  ja: {
    title: '中小企業支援措置セルフチェック · 沪企服办〔2023〕1号',
    heading: '上海市の中小企業支援措置（沪企服办〔2023〕1号）セルフチェック',
    intro: '28 の措置のうちどれが貴社に当てはまるか、おおよその金額、根拠の条文、期限、問い合わせ先。すべてブラウザ内で判定し、データは送信されません。',
    embed: '埋め込み方法：',
    offline: 'オフライン版をダウンロード：HTML ファイル 1 つ。保存すればネットワークなしで開け、通信は一切行いません',
    noteLabel: '注意：',
    note: '見積もりであり、公式の認定や決定ではありません。',
  },
  en: {
    title: 'SME support measures: self-check · 沪企服办〔2023〕1号',
    heading: 'Shanghai’s measures to help SMEs (沪企服办〔2023〕1号): a self-check',
    intro: 'Which of the 28 measures apply to your enterprise, roughly how much each is worth, which clause says so, until when, and whom to contact. Worked out in your browser; nothing is uploaded.',
    embed: 'How to embed it:',
    offline: 'Download the offline version: one HTML file that opens with no network once saved, and makes no request at all',
    noteLabel: 'Note: ',
    note: 'An estimate, not an official decision.',
  },
};

/** The page's words and lang for the element's language (zh-CN unless it is Japanese or English). */
function showLanguage() {
  const lang = widget.getAttribute('lang') ?? '';
  const code = /^ja\b/i.test(lang) ? 'ja' : /^en\b/i.test(lang) ? 'en' : 'zh-CN';
  const words = WORDS[code];
  document.documentElement.lang = code;
  document.title = words.title;
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = words[/** @type {HTMLElement} */ (element).dataset.t];
  for (const link of document.querySelectorAll('nav a[lang]')) {
    if (link.getAttribute('lang') === code) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

function useLanguage(lang) {
  if (lang) widget.setAttribute('lang', lang);
}

new MutationObserver(showLanguage).observe(widget, { attributes: true, attributeFilter: ['lang'] });
useLanguage(new URLSearchParams(location.search).get('lang'));
showLanguage();
document.querySelector('nav').addEventListener('click', event => {
  const lang = /** @type {HTMLElement} */ (event.target).lang;
  if (!lang) return;
  event.preventDefault();
  useLanguage(lang);
  history.replaceState(null, '', '?lang=' + lang);
});
