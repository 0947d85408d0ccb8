// Adopted by the shadow root (allowed under a strict CSP); --sme-*: README.md.
export const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host{display:block;container-type:inline-size;color:var(--sme-color,#1f2328);background:var(--bg);
font:var(--sme-font-size,1rem)/1.6 var(--sme-font,system-ui,"PingFang SC","Hiragino Sans","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif);
--bg:var(--sme-bg,#fff);--a:var(--sme-accent,#0b57d0);--m:var(--sme-muted,#4f5965);--b:var(--sme-border,#8a939e);--s:var(--sme-surface,#f3f5f7);
--r:var(--sme-radius,6px);--g:var(--sme-gap,1rem);--ok:var(--sme-ok,#176b2c);--wa:var(--sme-warn,#8a4700);--no:var(--sme-bad,#b42318)}
*{box-sizing:border-box}
.w,.cols,form,section,fieldset,.f,.sum,article,.why,.rs,.pair,.clause,.tools{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--g);align-content:start}
.w{padding:var(--g);overflow-wrap:anywhere}
h2,h3,h4,h5{line-height:1.3;margin:0}
h2{font-size:1.4em}h3{font-size:1.2em}h4{font-size:1.05em;margin-top:.5em}h5{font-size:1em}
p,ul,ol{margin:0}
button,summary{color:var(--a)}
:focus-visible,.btn:focus-within{outline:3px solid var(--a);outline-offset:2px}
button,input,select{font:inherit;color:inherit}
button,.btn{background:var(--bg);border:1px solid var(--a);border-radius:var(--r);padding:.3em .8em;cursor:pointer;min-height:44px;color:var(--a)}
button.p,[aria-pressed=true]{background:var(--a);color:var(--bg)}
button.l{border:0;padding:0;min-height:24px;text-decoration:underline;text-align:start}
.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}
.small,.help{color:var(--m);font-size:.9em}
.notice{border-inline-start:4px solid var(--wa);background:var(--s);padding:.5em .8em;border-radius:var(--r)}
.alert{border:2px solid var(--no);padding:.5em .8em;border-radius:var(--r)}
@container (min-width:56rem){.cols{grid-template-columns:minmax(0,2fr) minmax(0,3fr)}.pair{grid-template-columns:1fr 1fr}}
fieldset{border:1px solid var(--b);border-radius:var(--r);padding:.5em var(--g) var(--g);margin:0}
legend{font-weight:600;padding:0 .3em}
fieldset fieldset{border-style:dashed}
.f,.sum,article,.rs,.why,.tools,.clause{gap:.3em}
.f>label,.f>legend{font-weight:500;padding:0}
fieldset.f{border:0;padding:0}
input:is([type=text],[type=date]),select{width:100%;max-width:22em;padding:.4em .5em;border:1px solid var(--b);border-radius:var(--r);background:var(--bg);min-height:44px}
.opts{display:flex;flex-wrap:wrap;gap:0 1.2em}
.opts label{display:inline-flex;gap:.4em;align-items:center;min-height:44px}
input:is([type=radio],[type=checkbox]){width:1.2em;height:1.2em;accent-color:var(--a);margin:0}
[aria-invalid=true]{border:2px solid var(--no)}
.err{color:var(--no);font-weight:600}
.err::before{content:"✗ "}
.sum{border:1px solid var(--b);border-radius:var(--r);padding:var(--g)}
.big{font-size:1.25em;font-weight:700}
.counts{display:flex;flex-wrap:wrap;gap:0 1em;padding:0;list-style:none}
article{border:1px solid var(--b);border-inline-start:6px solid var(--c,var(--b));border-radius:var(--r);padding:.6em .8em}
article,.clause{content-visibility:auto;contain-intrinsic-size:auto 12em}
.st{font-weight:700}
.eligible,.met{--c:var(--ok)}.needs_info,.unknown{--c:var(--wa)}.ineligible,.not_met{--c:var(--no)}
.st,.o{color:var(--c,var(--m))}
.rs{list-style:none;padding:0}
li>.rs{margin:.3em .5em 0;padding:0 .7em;border-inline-start:2px solid var(--b)}
.d1{margin-inline-start:1.2em}.d2{margin-inline-start:2.4em}.d3{margin-inline-start:3.6em}.d4{margin-inline-start:4.8em}
.o{display:inline-block;width:1.3em;font-weight:700}
q,blockquote{color:var(--m)}q{unicode-bidi:isolate}
blockquote{margin:0;border-inline-start:3px solid var(--b);padding-inline-start:.8em}
.part{border-top:1px dashed var(--b);padding-top:.4em}
summary{cursor:pointer;min-height:24px}
.clause{padding-bottom:.5em;border-bottom:1px solid var(--b)}
figure{margin:0}svg{display:block;width:100%;font-size:13px}
svg text{fill:currentColor}
.ax{stroke:var(--b)}.wn{fill:var(--a)}.wn.closed{fill:var(--m)}.asof{stroke:var(--no);stroke-width:2}
.bx{fill:var(--a)}.bx.cap{fill:var(--s);stroke:var(--a);stroke-dasharray:4 3}.fl{stroke:var(--a);stroke-width:2;stroke-dasharray:2 3}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tools input[readonly]{max-width:none}
[hidden]{display:none!important}
@media print{
 form,.ctl,.w>details,button,.policy,figcaption{display:none!important}
 .cols{display:block}
 details::details-content{content-visibility:visible;display:block}
 summary{list-style:none;font-weight:600;color:inherit}
 article{break-inside:avoid;content-visibility:visible}
}
`);
