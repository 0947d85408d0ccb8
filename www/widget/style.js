// The widget's own styles, adopted into its shadow root (a constructable stylesheet: allowed by a
// strict CSP, no <style> element, no style attribute). The host styles it through the --sme-*
// custom properties documented in ../sme-eligibility.js.
export const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host{display:block;container-type:inline-size;color:var(--sme-color,#1f2328);background:var(--sme-bg,#fff);
font:var(--sme-font-size,1rem)/1.6 var(--sme-font,system-ui,"PingFang SC","Hiragino Sans","Microsoft YaHei","Noto Sans CJK SC",sans-serif);
--a:var(--sme-accent,#0b57d0);--m:var(--sme-muted,#4f5965);--b:var(--sme-border,#8a939e);--s:var(--sme-surface,#f3f5f7);
--r:var(--sme-radius,6px);--g:var(--sme-gap,1rem);--ok:var(--sme-ok,#176b2c);--wa:var(--sme-warn,#8a4700);--no:var(--sme-bad,#b42318)}
:host([hidden]){display:none}
*{box-sizing:border-box}
.w{display:grid;gap:var(--g);padding:var(--g);min-width:0}
h2,h3,h4,h5{line-height:1.3;margin:0}
h2{font-size:1.4em}h3{font-size:1.2em}h4{font-size:1.05em;margin-top:calc(var(--g)/2)}h5{font-size:1em}
p,ul,ol{margin:0}
a,button,summary{color:var(--a)}
:focus-visible,.btn:focus-within{outline:3px solid var(--a);outline-offset:2px}
button,input,select{font:inherit;color:inherit}
button,.btn{background:var(--sme-bg,#fff);border:1px solid var(--a);border-radius:var(--r);padding:.3em .8em;cursor:pointer;min-height:44px;color:var(--a)}
button.p{background:var(--a);color:var(--sme-bg,#fff)}
button.l{border:0;padding:0;min-height:24px;text-decoration:underline;text-align:start}
.bar,.row{display:flex;flex-wrap:wrap;gap:calc(var(--g)/2);align-items:center}
.sub,.help,.small,.receipt{color:var(--m);font-size:.9em}
.notice{border-inline-start:4px solid var(--wa);background:var(--s);padding:.5em .8em;border-radius:var(--r)}
.alert{border:2px solid var(--no);padding:.5em .8em;border-radius:var(--r)}
.cols{display:grid;gap:calc(var(--g)*1.5);min-width:0}
@container (min-width:56rem){.cols{grid-template-columns:minmax(0,2fr) minmax(0,3fr)}.pair{grid-template-columns:1fr 1fr}}
form,section{display:grid;gap:var(--g);align-content:start;min-width:0}
fieldset{border:1px solid var(--b);border-radius:var(--r);padding:.5em var(--g) var(--g);margin:0;display:grid;gap:var(--g);min-width:0}
legend{font-weight:600;padding:0 .3em}
fieldset fieldset{border-style:dashed}
.f{display:grid;gap:.25em;min-width:0}
.f>label,.f>legend{font-weight:500}
.f fieldset,fieldset.f{border:0;padding:0}
input[type=text],input[type=date],select{width:100%;max-width:22em;padding:.4em .5em;border:1px solid var(--b);border-radius:var(--r);background:var(--sme-bg,#fff);min-height:44px}
.opts{display:flex;flex-wrap:wrap;gap:.2em 1.2em}
.opts label{display:inline-flex;gap:.4em;align-items:center;min-height:44px}
input[type=radio],input[type=checkbox]{width:1.2em;height:1.2em;accent-color:var(--a);margin:0}
.u{display:flex;gap:.4em;align-items:center}
[aria-invalid=true]{border:2px solid var(--no)}
.err{color:var(--no);font-weight:600}
.err::before{content:"✗ "}
.next{background:var(--s);border-radius:var(--r);padding:.5em .8em}
.next ol{padding-inline-start:1.4em}
.sum{border:1px solid var(--b);border-radius:var(--r);padding:var(--g);display:grid;gap:.4em}
.big{font-size:1.25em;font-weight:700}
.counts{display:flex;flex-wrap:wrap;gap:.3em 1em;padding:0;list-style:none}
article{border:1px solid var(--b);border-inline-start:6px solid var(--b);border-radius:var(--r);padding:.6em .8em;display:grid;gap:.35em;min-width:0;overflow-wrap:anywhere}
article.eligible{border-inline-start-color:var(--ok)}article.needs_info{border-inline-start-color:var(--wa)}article.ineligible{border-inline-start-color:var(--no)}
.st{font-weight:700}
.eligible>.st{color:var(--ok)}.needs_info>.st{color:var(--wa)}.ineligible>.st{color:var(--no)}.expired>.st,.not_applicable>.st{color:var(--m)}
.why{display:grid;gap:.4em;padding:.4em 0}
.rs{list-style:none;padding:0;display:grid;gap:.2em}
.d1{margin-inline-start:1.2em}.d2{margin-inline-start:2.4em}.d3{margin-inline-start:3.6em}.d4{margin-inline-start:4.8em}
.o{display:inline-block;width:1.3em;font-weight:700}
.met>.o{color:var(--ok)}.not_met>.o{color:var(--no)}.unknown>.o{color:var(--wa)}
q,blockquote{color:var(--m)}
blockquote{margin:0;border-inline-start:3px solid var(--b);padding-inline-start:.8em}
.part{border-top:1px dashed var(--b);padding-top:.4em}
details>summary{cursor:pointer;min-height:24px}
.pair{display:grid;gap:var(--g)}
.clause{display:grid;gap:.4em;padding:.5em 0;border-bottom:1px solid var(--b)}
svg{display:block;width:100%;max-width:44rem;height:auto;font-size:12px}
svg text{fill:currentColor}
.ax{stroke:var(--b)}.wn{fill:var(--a)}.wn.closed{fill:var(--m)}.asof{stroke:var(--no);stroke-width:2}.asof+text{fill:var(--no)}
.bx{fill:var(--a)}.bx.cap{fill:var(--s);stroke:var(--a);stroke-dasharray:4 3}.fl{stroke:var(--a);stroke-width:2;stroke-dasharray:2 3}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tools{display:grid;gap:.5em;padding-top:.5em}
.tools input[readonly]{max-width:none}
[hidden]{display:none!important}
@media print{
 form,.bar,.tools,button,.policy,.next,.ctl{display:none!important}
 .cols{display:block}
 details::details-content{content-visibility:visible;display:block}
 summary{list-style:none;font-weight:600}
 article{break-inside:avoid}
 :host{color:#000;background:#fff}
}
`);
