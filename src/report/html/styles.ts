/** The report's inline stylesheet (no external fonts: system font stacks only). */
import type { PodPhase } from '../cluster.ts';

/** Bar colours per pod phase, shared by the SVG picture, the stepper and the legend. */
export const PHASE_COLOR: Readonly<Record<PodPhase, string>> = {
  Pending: '#f59e0b',
  Running: '#3b82f6',
  Ready: '#16a34a',
  Terminating: '#8b5cf6',
  Failed: '#dc2626',
  Succeeded: '#6b7280',
  Ghost: '#fee2e2',
};

const phaseRules = Object.entries(PHASE_COLOR)
  .map(
    ([phase, color]) => `.ph-${phase}{background:${color};color:${phase === 'Ghost' ? '#991b1b' : '#fff'}}`,
  )
  .join('\n');

/** The whole stylesheet. */
export const STYLES = `
:root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--soft:#f9fafb;--bad:#dc2626;--good:#16a34a;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1120px;margin:0 auto;padding:24px 20px 64px}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.25rem;margin:2em 0 .6em;padding-bottom:.25em;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.4em 0 .4em}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"D2Coding",monospace;font-size:.86em}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow:auto}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.verdict{border-radius:8px;padding:12px 16px;font-weight:600;margin:12px 0}
.verdict.pass{background:#dcfce7;color:#14532d}.verdict.violation{background:#fee2e2;color:#7f1d1d}.verdict.error{background:#fef3c7;color:#78350f}
.muted{color:var(--muted)}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
.summary dt{color:var(--muted)}.summary dd{margin:0}
nav.toc{font-size:.9em;margin:8px 0}nav.toc a{margin-right:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0;background:#fff}
.card.bad{border-color:#fca5a5;background:#fff7f7}
.status-held{color:var(--good);font-weight:600}.status-violated{color:var(--bad);font-weight:700}.status-not-applicable{color:var(--muted)}
tr.violated td{background:#fff1f2}
ol.why li{margin:.25em 0}
blockquote{margin:.6em 0;padding:.4em 1em;border-left:4px solid #fca5a5;background:#fff7f7}
button{font:inherit;padding:4px 12px;border:1px solid #cbd5e1;border-radius:6px;background:#fff;cursor:pointer}
button:hover{background:#f1f5f9}button.primary{background:var(--bad);color:#fff;border-color:var(--bad)}
.stepper{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.stepper input[type=range]{flex:1;min-width:200px}
#position{font-variant-numeric:tabular-nums}
.cluster{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.node{border:2px solid #94a3b8;border-radius:8px;padding:6px 8px;min-width:150px;background:#f8fafc}
.node h4{margin:0 0 4px;font-size:.95em;display:flex;justify-content:space-between;gap:8px}
.node.st-partitioned{border-color:#f97316;background:#fff7ed}.node.st-crashed{border-color:#475569;background:#e2e8f0}.node.st-removed{opacity:.45;border-style:dashed}
.badge{font-size:.75em;font-weight:600;border-radius:10px;padding:0 8px;background:#e2e8f0}
.st-partitioned .badge{background:#fed7aa}.st-crashed .badge{background:#cbd5e1}
.badges{display:flex;flex-wrap:wrap;gap:3px;justify-content:flex-end}
.node .badge.cordon{background:#fef3c7;color:#92400e}.node .badge.taint{background:#fee2e2;color:#991b1b;font-family:ui-monospace,Menlo,Consolas,monospace}
.pod{display:inline-block;margin:2px;padding:1px 8px;border-radius:10px;font-size:.85em;font-family:ui-monospace,Menlo,Consolas,monospace}
.pod.changed{outline:3px solid #facc15}
.ph-Ghost{border:1px dashed #dc2626}
${phaseRules}
.legend{display:flex;flex-wrap:wrap;gap:8px 14px;font-size:.85em;margin:6px 0}
.legend span.sw{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:4px;vertical-align:middle}
.events-now{margin:6px 0;padding:0;list-style:none;font-size:.9em}
.events-now li{padding:2px 6px;border-left:3px solid var(--accent);margin:2px 0;background:#eff6ff}
.events-now li.k-fault{border-color:#f59e0b;background:#fffbeb}.events-now li.k-violation{border-color:var(--bad);background:#fef2f2;font-weight:600}
.timeline td{font-size:.85em;padding:2px 6px}
.timeline tr.k-fault td{background:#fffbeb;font-weight:600}.timeline tr.k-violation td{background:#fef2f2;color:#7f1d1d;font-weight:700}
.timeline tr.current td{outline:2px solid var(--accent)}
.timeline tr.elided td{color:var(--muted);font-style:italic;text-align:center}
.scroll{max-height:420px;overflow:auto;border:1px solid var(--line);border-radius:6px}
.scroll table{margin:0}
svg{max-width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans KR",sans-serif}
.machine{overflow-x:auto}
.machine>label{font-size:.85em;color:var(--muted);cursor:pointer;margin-left:4px}
.machine .m-all{display:none}
.machine .show-all:checked~.m-all{display:block}
.machine .m-all svg{max-width:none}
.machine .show-all:checked~.m-visited{display:none}
.machine .not-visited{font-size:.85em;margin:2px 0}
/* Korean breaks between words (at spaces), never inside one ("지켜짐", not "지/켜짐"); ids may wrap anywhere. */
:lang(ko){word-break:keep-all;overflow-wrap:break-word}
:lang(ko) code,:lang(ko) .mono{overflow-wrap:anywhere}
.compare-wrap{overflow-x:auto}
table.compare th[scope=row]{background:var(--soft);font-weight:600;min-width:11em;max-width:16em}
table.compare td{font-size:.9em;min-width:14em}
table.compare ul{margin:0;padding-left:1.1em}table.compare li{margin:.15em 0}
table.compare td.none{color:var(--muted)}table.compare td.none ul{list-style:none;padding-left:0}
table.compare tr.fault th[scope=row]{background:#fffbeb}
table.compare th .muted{font-weight:400;font-size:.85em;display:inline-block;margin-top:.2em}
table.compare code{white-space:nowrap}
`;
