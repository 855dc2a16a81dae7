//! The HTML plan's one stylesheet. Page 1 is the plan; the details follow from page 2 on, each part
//! starting where it fits (nothing is kept whole at the price of a blank page). Print text is 10 pt or
//! more everywhere: page 1 fits by what it says (see `plan::clip`), never by smaller type.

pub const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: 'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', system-ui, sans-serif; line-height: 1.4;
       color: #111; max-width: 46rem; margin: 0 auto; padding: 1rem; font-size: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #333; padding-bottom: .1rem; margin: 1.4rem 0 .4rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
ul, ol { padding-left: 1.3rem; margin: .2rem 0; }
li { margin: .1rem 0; }
p { margin: .3rem 0; }
.fit { font-weight: 700; }
.inferred, .see, .caveat { font-style: italic; }
.inferred, .muted { color: #555; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 4px solid #999; white-space: pre-wrap; }
.plan header { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .5rem 1rem; align-items: start; }
.plan address { font-style: normal; }
.plan .qr { margin: 0; width: 8rem; max-width: 100%; }
.plan .qr svg { display: block; width: 8rem; height: 8rem; max-width: 100%; }
.plan h2 { font-size: 1.1rem; margin: .9rem 0 .3rem; }
.plan .two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2rem; }
.plan .two h2 { margin-top: .6rem; }
.plan .follow { font-weight: 700; margin-top: .6rem; }
.likes .chart { margin: .4rem 0; }
.likes .chart svg { display: block; width: 470px; max-width: 100%; height: auto; }
.likes .credit { font-size: .9rem; }
footer { margin-top: 2rem; color: #333; border-top: 1px solid #999; padding-top: .5rem; }
@media (max-width: 30rem) {
  body { padding: .6rem; font-size: 1.05rem; }
  .plan .two, .plan header { grid-template-columns: 1fr; }
}
@page { margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.3; color: #000; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: 12pt 0 4pt; }
  h3 { font-size: 11pt; margin: 8pt 0 2pt; }
  .plan h2 { font-size: 11pt; margin: 7pt 0 2pt; }
  .plan .qr, .plan .qr svg { width: 27mm; height: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li { break-inside: avoid; page-break-inside: avoid; }
  .details { break-before: page; page-break-before: always; }
  footer { margin-top: 14pt; }
  .inferred, .muted { color: #000; }
}
";
