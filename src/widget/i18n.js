// The widget's own words in its three languages, and the language rules that go with them.
//
// Each table has the same keys; a {name} in a string is a placeholder filled by fillIn()/fillInIsolated()
// (dom.js) and must appear in every language (tests/widget/i18n.test.mjs checks both). Some keys are
// the engine's own values (a status, an outcome, an amount kind, a window state), so that the code can
// look the words up by that value: strings[report.status].
//
// Texts from the ruleset (measure titles, questions, clause words) are not here: the engine gives them
// in the language asked for.

/** 中文 (the default). */
const zh = {
  // the element while it loads, and its load errors
  loading: '正在加载…',
  engineLoadFailed: '测算引擎无法加载，请刷新页面重试。',
  rulesetLoadFailed: '无法加载规则集“{url}”：',
  rulesetHttpStatus: '服务器返回 {status}。',
  rulesetOtherOrigin: '规则集须与本页同源。',
  // the header and the controls above the questionnaire
  title: '惠企政策自测',
  language: '语言',
  asOfLabel: '评估日期',
  privacy: '全部测算在您的浏览器中完成，所填信息不会离开本页面。',
  // the questionnaire
  formHeading: '企业情况',
  formHelp: '只列出仍可能改变结果的问题；不清楚的可留空。',
  yes: '是',
  no: '否',
  notSure: '不清楚',
  choose: '请选择',
  personHeading: '第 {n} 人',
  addPerson: '添加一名人员',
  removePerson: '删除第 {n} 人',
  // the summary of the results; the counts are keyed by the engine's status values
  resultsHeading: '测算结果',
  eligible: '{n} 项符合条件',
  needs_info: '{n} 项需补充信息',
  ineligible: '{n} 项不符合',
  expired: '{n} 项已结束',
  not_applicable: '{n} 项不适用',
  totalLabel: '可估算金额合计：',
  noTotal: '暂无可估算的金额。',
  eligibleWithoutAmount: '另有 {n} 项符合条件的措施无可估算金额，未计入合计。',
  sizeClassLabel: '企业规模（划型）：',
  asOfSentence: '评估日期：{date}',
  allWindowsClosed: '截至 {date}，本政策的申请期限已全部结束。',
  suggestAsOf: '改按 {date} 评估（{n} 个期限开放）',
  notice: '本结果是依据条文的估算，不是官方决定；能否享受及金额以主管部门审核为准。请咨询：{departments}。',
  noticeAllDepartments: '各措施所列的主管部门',
  liveSummary: '{eligible} 项符合条件，{needs_info} 项需补充信息。{total}',
  // after an amount, keyed by the engine's amount kinds (an exact amount has no words)
  floor: '（最低额，实际可能更高）',
  cap: '（上限）',
  range: '（区间）',
  // the reading: the policy as amended by later documents (the default), or its text alone
  textOnlyLabel: '按{year}年条文原文',
  textOnlyHelp: '不计后续文件对期限、条件和金额的延续与修改。',
  readingAmended: '按现行政策测算：已计入后续文件对{year}年条文的延续与修改。',
  readingTextOnly: '按{year}年条文原文测算：未计入后续文件的延续与修改。',
  evidenceLabel: '来源核对：{level}',
  // a source's evidence level, keyed by the engine's values
  official: '已与官方原文核对',
  cited: '有独立公开来源引用',
  verify: '广为人知，尚未与原文核对',
  // a status in words, keyed by 'status_' and the engine's status values
  status_eligible: '符合条件',
  status_needs_info: '需补充信息',
  status_ineligible: '不符合条件',
  status_expired: '已过期',
  status_not_applicable: '不适用（面向政府部门）',
  // a measure's result; window states keyed by the engine's values (closed: endedOn)
  chapterHeading: '第{n}部分　',
  measureHeading: '第{n}条',
  amountLabel: '估算金额：',
  contactLabel: '咨询部门：',
  windowLabel: '期限：',
  endedOn: '已于 {date} 结束',
  open: '开放中',
  not_yet: '尚未开始',
  stillToAnswer: '还需回答：',
  // "why": the conditions, keyed by the engine's outcomes, and the clause
  whyHeading: '为什么：逐条说明',
  met: '符合',
  not_met: '不符合',
  unknown: '未知',
  formulaLabel: '计算方式：',
  basisLabel: '说明：',
  clauseWordsLabel: '条文原话：',
  sourceLabel: '依据：',
  noteLabel: '注：',
  amendedByLabel: '后续文件：',
  documentWordsLabel: '文件原话：',
  reasonsFailed: '说明无法加载，请刷新页面重试。',
  clauseHeading: '条文',
  chineseOriginal: '中文原文',
  readClause: '查看条文',
  seeResult: '查看测算结果',
  // the pictures and their text alternatives
  timelineTitle: '申请期限时间轴',
  timelineSummary: '{n} 个有期限的项目，评估日期 {date} 时 {open} 个开放。',
  amountsTitle: '估算金额',
  amountsSummary: '{n} 项措施的估算金额（末端开放为最低额，虚线为上限）。',
  clauseWindowLabel: '条文所定：',
  showAsText: '以文字查看',
  // the policy text
  policyHeading: '政策全文（逐条）',
  policyShowAll: '阅读全文（附中文原文）',
  // save, restore, print; the receipt under the report
  saveHeading: '保存、恢复与打印',
  exportAnswers: '导出答案（JSON 文件）',
  importAnswers: '导入答案文件',
  importDone: '已导入答案。',
  importRefused: '无法导入：不是本工具导出的答案文件。当前答案未改变。',
  importOtherVersion: '无法导入：该文件来自本工具的其他版本或其他规则集。当前答案未改变。',
  remember: '在本设备上记住我的答案',
  rememberHelp: '只保存在本浏览器中；取消勾选即删除。',
  copyLink: '复制带答案的链接',
  linkCopied: '已复制。答案在“#”之后，不会发送给服务器；请只分享给信任的人。',
  clearAnswers: '清除全部答案',
  receipt: '规则集 {id} 版本 {version}（{hash}）；{engine}',
  // ---- the visitor's report (issue 13: foryou.js, checklist.js, review.js, printout.js, largetext.js)
  forYouHeading: '适用于贵企业的措施',
  forYou_benefit: '资金支持（按金额从高到低）',
  forYou_support: '可申请的服务与支持',
  forYou_programme: '可参加的活动与项目',
  forYouNone: '按目前的回答，暂无符合条件的措施。',
  amountNotEstimated: '金额无法估算',
  seeDetails: '查看详情',
  measuresList: '第{list}条',
  reachHeading: '差一点',
  reachHelp: '只差一项回答或一个数字即可符合条件（金额高的在前）：',
  reachNow: '目前：{now}',
  goToQuestion: '转到该问题',
  openHeading: '仍不确定',
  openCount: '{n} 项措施还需补充信息：',
  openNone: '每项措施均已有结论。',
  openQuestions: '最能改变结果的问题：',
  openDecides: '（关系 {n} 项措施）',
  openAmount: '（可能改变金额）',
  openMore: '另有 {n} 个问题，见“企业情况”。',
  reviewHeading: '检查您的回答（{n} 项）',
  reviewNone: '尚未回答任何问题。',
  change: '更改',
  checklistLegend: '以下哪些适用于贵企业？',
  checklistHelp: '勾选所有适用的项。勾选任一项或“以上都不适用”后，未勾选的项按“否”计算。',
  noneOfThese: '以上都不适用',
  checklistUnknown: '尚未回答：各项均按“不清楚”计算。',
  checklistAnswered: '已回答：勾选的为“是”，未勾选的为“否”。',
  checklistPartial: '部分已回答：标有“不清楚”的项尚未回答。',
  unknownTag: '（不清楚）',
  printSummary: '打印摘要（1–2页）',
  printAll: '打印完整报告（含全部说明）',
  receiptDates: '；评估日期 {asOf}，生成于 {today}',
  largeText: '大字模式',

  // ---- the host page (issue 14) ----
  // a failed load, tried again by the button under its message
  retry: '重试',
};

/** 日本語. */
const ja = {
  // the element while it loads, and its load errors
  loading: '読み込み中…',
  engineLoadFailed: 'エンジンを読み込めません。再読み込みしてください。',
  rulesetLoadFailed: 'ルールセット「{url}」を読み込めません：',
  rulesetHttpStatus: 'サーバーの応答は {status} です。',
  rulesetOtherOrigin: 'ルールセットはこのページと同じオリジンに必要です。',
  // the header and the controls above the questionnaire
  title: '中小企業支援措置セルフチェック',
  language: '言語',
  asOfLabel: '評価日',
  privacy: '判定はすべてブラウザ内で行われ、入力内容はこのページの外に出ません。',
  // the questionnaire
  formHeading: '企業の状況',
  formHelp: '結果を変えうる質問だけを表示します。不明なら空欄で構いません。',
  yes: 'はい',
  no: 'いいえ',
  notSure: '不明',
  choose: '選択してください',
  personHeading: '{n} 人目',
  addPerson: '人員を追加',
  removePerson: '{n} 人目を削除',
  // the summary of the results; the counts are keyed by the engine's status values
  resultsHeading: '判定結果',
  eligible: '該当 {n} 件',
  needs_info: '情報不足 {n} 件',
  ineligible: '非該当 {n} 件',
  expired: '終了 {n} 件',
  not_applicable: '対象外 {n} 件',
  totalLabel: '見積もり可能な金額の合計：',
  noTotal: '見積もれる金額はまだありません。',
  eligibleWithoutAmount: '金額を見積もれない該当措置 {n} 件は合計に含みません。',
  sizeClassLabel: '企業規模：',
  asOfSentence: '評価日：{date}',
  allWindowsClosed: '{date} の時点で、この政策の申請期間はすべて終了しています。',
  suggestAsOf: '{date} で評価する（{n} 件の期間が受付中）',
  notice: '条文に基づく見積もりであり、公式の決定ではありません。可否と金額は所管部門が決めます。問い合わせ先：{departments}。',
  noticeAllDepartments: '各措置に記載の所管部門',
  liveSummary: '該当 {eligible} 件、情報不足 {needs_info} 件。{total}',
  // after an amount, keyed by the engine's amount kinds (an exact amount has no words)
  floor: '（最低額。これより多い場合あり）',
  cap: '（上限）',
  range: '（範囲）',
  // the reading: the policy as amended by later documents (the default), or its text alone
  textOnlyLabel: '{year}年の条文どおり',
  textOnlyHelp: '後続の文書による期間・条件・金額の延長や改正を反映しません。',
  readingAmended: '現行の政策で判定：{year}年の条文に対する後続文書の延長・改正を反映しています。',
  readingTextOnly: '{year}年の条文どおりに判定：後続文書の延長・改正は反映していません。',
  evidenceLabel: '出典の確認：{level}',
  // a source's evidence level, keyed by the engine's values
  official: '公式原文で確認済み',
  cited: '独立した公開資料が引用',
  verify: '広く知られているが原文未確認',
  // a status in words, keyed by 'status_' and the engine's status values
  status_eligible: '該当',
  status_needs_info: '情報不足',
  status_ineligible: '非該当',
  status_expired: '期限切れ',
  status_not_applicable: '対象外（行政機関向け）',
  // a measure's result; window states keyed by the engine's values (closed: endedOn)
  chapterHeading: '第{n}部　',
  measureHeading: '第{n}条',
  amountLabel: '見積額：',
  contactLabel: '問い合わせ先：',
  windowLabel: '期間：',
  endedOn: '{date} に終了',
  open: '受付中',
  not_yet: '開始前',
  stillToAnswer: '必要な回答：',
  // "why": the conditions, keyed by the engine's outcomes, and the clause
  whyHeading: '理由：条件ごとの説明',
  met: '満たす',
  not_met: '満たさない',
  unknown: '不明',
  formulaLabel: '計算方法：',
  basisLabel: '説明：',
  clauseWordsLabel: '条文の文言：',
  sourceLabel: '根拠：',
  noteLabel: '注：',
  amendedByLabel: '後続の文書：',
  documentWordsLabel: '文書の文言：',
  reasonsFailed: '説明を読み込めません。再読み込みしてください。',
  clauseHeading: '条文',
  chineseOriginal: '中国語の原文',
  readClause: '条文を見る',
  seeResult: '判定結果を見る',
  // the pictures and their text alternatives
  timelineTitle: '申請期間のタイムライン',
  timelineSummary: '期間のある項目 {n} 件。評価日 {date} に受付中は {open} 件。',
  amountsTitle: '見積額',
  amountsSummary: '{n} 件の見積額（開いた端は最低額、破線は上限）。',
  clauseWindowLabel: '条文では：',
  showAsText: 'テキストで表示',
  // the policy text
  policyHeading: '政策の全文（条ごと）',
  policyShowAll: '全文を読む（中国語の原文付き）',
  // save, restore, print; the receipt under the report
  saveHeading: '保存・復元・印刷',
  exportAnswers: '回答を書き出す（JSON）',
  importAnswers: '回答ファイルを読み込む',
  importDone: '回答を読み込みました。',
  importRefused: '読み込めません：このツールの回答ファイルではありません。回答はそのままです。',
  importOtherVersion: '読み込めません：このツールの別のバージョンか別のルールセットのファイルです。回答はそのままです。',
  remember: 'この端末に回答を記憶する',
  rememberHelp: 'このブラウザ内にだけ保存され、チェックを外すと削除されます。',
  copyLink: '回答付きリンクをコピー',
  linkCopied: 'コピーしました。回答は「#」の後にありサーバーには送られません。共有は信頼できる相手だけに。',
  clearAnswers: '回答をすべて消去',
  receipt: 'ルールセット {id} バージョン {version}（{hash}）；{engine}',
  // ---- the visitor's report (issue 13: foryou.js, checklist.js, review.js, printout.js, largetext.js)
  forYouHeading: '貴社に該当する措置',
  forYou_benefit: '資金（金額の大きい順）',
  forYou_support: '申請できる支援',
  forYou_programme: '参加できる事業・プログラム',
  forYouNone: '現在の回答では、該当する措置はまだありません。',
  amountNotEstimated: '金額は見積もれません',
  seeDetails: '詳細を見る',
  measuresList: '第{list}条',
  reachHeading: 'あと一歩',
  reachHelp: '回答一つか数値一つで該当になる措置（金額の大きい順）：',
  reachNow: '現在：{now}',
  goToQuestion: 'この質問へ',
  openHeading: '未確定',
  openCount: '{n} 件の措置で情報が不足しています：',
  openNone: 'すべての措置の結果が出ています。',
  openQuestions: '結果を最も左右する質問：',
  openDecides: '（{n} 件の措置に関係）',
  openAmount: '（金額が変わりうる）',
  openMore: 'ほかに {n} 問あります（「企業の状況」を参照）。',
  reviewHeading: '回答の確認（{n} 件）',
  reviewNone: 'まだ回答がありません。',
  change: '変更',
  checklistLegend: '次のうち、貴社に当てはまるものはどれですか？',
  checklistHelp: '当てはまるものをすべて選んでください。一つでも選ぶか「いずれも当てはまらない」を選ぶと、選ばなかった項目は「いいえ」になります。',
  noneOfThese: 'いずれも当てはまらない',
  checklistUnknown: '未回答：各項目は「不明」として扱います。',
  checklistAnswered: '回答済み：選んだ項目は「はい」、選ばなかった項目は「いいえ」。',
  checklistPartial: '一部回答済み：「不明」と表示された項目は未回答です。',
  unknownTag: '（不明）',
  printSummary: '要約を印刷（1～2ページ）',
  printAll: 'すべての説明付きで印刷',
  receiptDates: '；評価日 {asOf}、作成日 {today}',
  largeText: '大きな文字',

  // ---- the host page (issue 14) ----
  // a failed load, tried again by the button under its message
  retry: '再試行',
};

/** English. */
const en = {
  // the element while it loads, and its load errors
  loading: 'Loading…',
  engineLoadFailed: 'The engine could not be loaded. Please reload the page.',
  rulesetLoadFailed: 'The ruleset “{url}” could not be loaded: ',
  rulesetHttpStatus: 'the server answered {status}.',
  rulesetOtherOrigin: 'it must come from this page’s origin.',
  // the header and the controls above the questionnaire
  title: 'SME support measures: self-check',
  language: 'Language',
  asOfLabel: 'As of',
  privacy: 'Everything is worked out in your browser; what you enter never leaves this page.',
  // the questionnaire
  formHeading: 'Your enterprise',
  formHelp: 'Only questions that can still change a result are shown; leave blank what you do not know.',
  yes: 'Yes',
  no: 'No',
  notSure: 'Not sure',
  choose: 'Choose',
  personHeading: 'Person {n}',
  addPerson: 'Add a person',
  removePerson: 'Remove person {n}',
  // the summary of the results; the counts are keyed by the engine's status values
  resultsHeading: 'Results',
  eligible: '{n} apply',
  needs_info: '{n} need information',
  ineligible: '{n} do not apply',
  expired: '{n} ended',
  not_applicable: '{n} not applicable',
  totalLabel: 'Total of the estimable amounts: ',
  noTotal: 'No amount can be estimated yet.',
  eligibleWithoutAmount: '{n} more apply without an estimable amount (not in the total).',
  sizeClassLabel: 'Size class: ',
  asOfSentence: 'As of {date}',
  allWindowsClosed: 'As of {date}, every application window of this policy has closed.',
  suggestAsOf: 'Evaluate as of {date} ({n} windows open)',
  notice: 'An estimate from the policy text, not an official decision: the departments decide who qualifies and for how much. Contact: {departments}.',
  noticeAllDepartments: 'the departments listed under each measure',
  liveSummary: '{eligible} apply, {needs_info} need information. {total}',
  // after an amount, keyed by the engine's amount kinds (an exact amount has no words)
  floor: ' (a minimum; may be more)',
  cap: ' (a maximum)',
  range: ' (a range)',
  // the reading: the policy as amended by later documents (the default), or its text alone
  textOnlyLabel: 'As the {year} text stands',
  textOnlyHelp: 'Without the later documents that extend or change its windows, conditions and amounts.',
  readingAmended: 'Read as amended: later documents that extend or change the {year} text are applied.',
  readingTextOnly: 'Read as the {year} text stands: later documents that extend or change it are not applied.',
  evidenceLabel: 'source check: {level}',
  // a source's evidence level, keyed by the engine's values
  official: 'checked against the official text',
  cited: 'quoted by independent public sources',
  verify: 'widely known, not yet checked against the official text',
  // a status in words, keyed by 'status_' and the engine's status values
  status_eligible: 'eligible',
  status_needs_info: 'needs information',
  status_ineligible: 'not eligible',
  status_expired: 'expired',
  status_not_applicable: 'not applicable (for government bodies)',
  // a measure's result; window states keyed by the engine's values (closed: endedOn)
  chapterHeading: 'Part {n}: ',
  measureHeading: 'Measure {n}',
  amountLabel: 'Estimated amount: ',
  contactLabel: 'Contact: ',
  windowLabel: 'Window: ',
  endedOn: 'ended on {date}',
  open: 'open',
  not_yet: 'not yet open',
  stillToAnswer: 'Still to answer: ',
  // "why": the conditions, keyed by the engine's outcomes, and the clause
  whyHeading: 'Why: condition by condition',
  met: 'met',
  not_met: 'not met',
  unknown: 'unknown',
  formulaLabel: 'Formula: ',
  basisLabel: 'Basis: ',
  clauseWordsLabel: 'Clause words: ',
  sourceLabel: 'Source: ',
  noteLabel: 'Note: ',
  amendedByLabel: 'Later document: ',
  documentWordsLabel: 'The document’s words: ',
  reasonsFailed: 'The explanation could not be loaded. Please reload the page.',
  clauseHeading: 'Clause',
  chineseOriginal: 'Chinese original',
  readClause: 'Read the clause',
  seeResult: 'See the result',
  // the pictures and their text alternatives
  timelineTitle: 'Timeline of the application windows',
  timelineSummary: '{n} dated items; on {date}, {open} are open.',
  amountsTitle: 'Estimated amounts',
  amountsSummary: 'Amounts of {n} measures (open end: a minimum; dashed: a maximum).',
  clauseWindowLabel: 'by the clause: ',
  showAsText: 'show as text',
  // the policy text
  policyHeading: 'The policy, clause by clause',
  policyShowAll: 'Read it beside the Chinese original',
  // save, restore, print; the receipt under the report
  saveHeading: 'Save, restore, print',
  exportAnswers: 'Export answers (JSON)',
  importAnswers: 'Import an answers file',
  importDone: 'Answers imported.',
  importRefused: 'Cannot import: not an answers file of this tool. Your answers are unchanged.',
  importOtherVersion: 'Cannot import: the file is from another version of this tool or for another ruleset. Your answers are unchanged.',
  remember: 'Remember my answers on this device',
  rememberHelp: 'Kept only in this browser; untick to delete them.',
  copyLink: 'Copy a link with my answers',
  linkCopied: 'Copied. The answers follow the “#” and never reach a server; share only with people you trust.',
  clearAnswers: 'Clear all answers',
  receipt: 'Ruleset {id} version {version} ({hash}); {engine}',
  // ---- the visitor's report (issue 13: foryou.js, checklist.js, review.js, printout.js, largetext.js)
  forYouHeading: 'For you: the measures that apply',
  forYou_benefit: 'Money (largest first)',
  forYou_support: 'Support to apply for',
  forYou_programme: 'Programmes open to you',
  forYouNone: 'With the answers so far, no measure applies yet.',
  amountNotEstimated: 'amount not estimable',
  seeDetails: 'Details',
  measuresList: 'Measures {list}',
  reachHeading: 'Within reach',
  reachHelp: 'One answer or one number away from applying (the most money first):',
  reachNow: 'now: {now}',
  goToQuestion: 'Go to the question',
  openHeading: 'Still unknown',
  openCount: '{n} measures need information: ',
  openNone: 'Every measure is decided.',
  openQuestions: 'The questions that can change most: ',
  openDecides: ' (decides {n} measures)',
  openAmount: ' (may change an amount)',
  openMore: '{n} more questions under “Your enterprise”.',
  reviewHeading: 'Check your answers ({n})',
  reviewNone: 'No question answered yet.',
  change: 'Change',
  checklistLegend: 'Which of these apply to your enterprise?',
  checklistHelp: 'Tick all that apply. Once you tick one, or “None of these”, a box left unticked counts as “no”.',
  noneOfThese: 'None of these',
  checklistUnknown: 'Not answered: each counts as “not sure”.',
  checklistAnswered: 'Answered: ticked is “yes”, unticked is “no”.',
  checklistPartial: 'Partly answered: those marked “not sure” are still unknown.',
  unknownTag: ' (not sure)',
  printSummary: 'Print the summary (1–2 pages)',
  printAll: 'Print with all explanations',
  receiptDates: '; as of {asOf}, made on {today}',
  largeText: 'Large text',

  // ---- the host page (issue 14) ----
  // a failed load, tried again by the button under its message
  retry: 'Try again',
};

/** The UI strings by language: STRINGS[uiLanguage(lang attribute)]. */
export const STRINGS = { zh, ja, en };

/** The language switch: for each UI language, the lang attribute it sets and its name in itself. */
export const LANGUAGES = {
  zh: { code: 'zh-CN', name: '中文' },
  ja: { code: 'ja', name: '日本語' },
  en: { code: 'en', name: 'English' },
};

/**
 * The UI language of a lang attribute: "ja…" → ja, "en…" → en, anything else (none, zh-CN, fr) → zh.
 * @param {string | null | undefined} lang
 * @returns {'zh' | 'ja' | 'en'}
 */
export function uiLanguage(lang) {
  const match = /^(ja|en)\b/i.exec(lang ?? '');
  return match ? /** @type {'ja' | 'en'} */ (match[1].toLowerCase()) : 'zh';
}

/**
 * Punctuation and spacing that differ between the languages: Chinese and Japanese use full-width
 * forms and no spaces.
 * @param {string} lang a UI language
 */
export function punctuation(lang) {
  if (lang === 'en') {
    return { colon: ': ', gap: ' · ', listSeparator: '; ', parenthesised: text => ` (${text})` };
  }
  return { colon: '：', gap: '　', listSeparator: '、', parenthesised: text => `（${text}）` };
}
