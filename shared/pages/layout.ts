import type { Language } from '../domain/event';
import { html, SafeHtml } from '../i18n/html';

/** Shared look of our pages: readable type, visible focus, 4.5:1 contrast or more, no scripts. */
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;overflow-wrap:break-word;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1.125rem;line-height:1.6;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
a{color:#0b4f9c}
a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #b35900;outline-offset:2px}
h1{font-size:1.75rem;line-height:1.25}
dt{font-weight:700}
dd{margin:0 0 .5rem 0}
label,legend{display:block;font-weight:700;margin-top:1.25rem}
.hint{color:#4a4a4a;margin:.25rem 0}
input[type=text],input[type=email],textarea{width:100%;padding:.5rem;font:inherit;border:2px solid #1a1a1a;border-radius:4px}
textarea{min-height:5rem}
.check{display:flex;gap:.75rem;align-items:flex-start;margin-top:1.25rem}
.check input{width:1.5rem;height:1.5rem;margin-top:.2rem;flex:none}
.check label{margin-top:0;font-weight:400}
.error{color:#a30000;font-weight:700;margin:.25rem 0}
[aria-invalid=true]{border-color:#a30000}
.summary,.notice,.result{border:3px solid #a30000;padding:1rem;margin:1rem 0}
.notice{border-color:#1a1a1a}
.result{border-color:#1d6b2f}
button{margin-top:1.5rem;padding:.75rem 1.5rem;font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:none;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#a30000;border:2px solid #a30000}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;

/** Our own constant stylesheet: inserted as it is (escaping its quotes would void the font list). */
const STYLESHEET = new SafeHtml(PAGE_STYLE);

export function pageDocument(language: Language, title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${STYLESHEET}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`.value;
}

/** Terms and their values (an event's when and where), as a definition list. */
export const detailList = (lines: ReadonlyArray<readonly [string, string]>): SafeHtml => html`<dl>
${lines.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>
`)}</dl>`;
