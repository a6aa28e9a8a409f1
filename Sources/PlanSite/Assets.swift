/// The site's stylesheet and script: small, written here, no third-party code.
enum Assets {
    static let css = """
        :root{--ink:#1d2433;--muted:#5b6475;--line:#d7dce5;--bg:#fff;--soft:#f4f6fa;--accent:#1f5fbf;
        --overdue:#c0262d;--open:#1f6fd1;--nodl:#6b5ca5;--ontime:#1d7a46;--late:#b86b00;--cancelled:#7a7f8a}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:15px/1.5 "Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
        main{max-width:1240px;margin:0 auto;padding:0 20px 32px}
        a{color:var(--accent)}
        a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
        .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px 10px;z-index:9}
        .top{background:#17325c;color:#fff;padding:8px 20px}
        .top ol{list-style:none;margin:0 auto;padding:0;max-width:1200px;display:flex;flex-wrap:wrap;gap:4px}
        .top li+li::before{content:"›";margin-right:4px;color:#b9c6dc}
        .top a{color:#fff}
        h1{font-size:1.6em;line-height:1.25;margin:22px 0 6px}
        h2{font-size:1.2em;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
        .meta,.muted{color:var(--muted)}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:0}
        .figures div{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .figures dt{font-size:.85em;color:var(--muted)}
        .figures dd{margin:0;font-size:1.9em;font-weight:700;line-height:1.2}
        .figures dd small{display:block;font-size:.45em;font-weight:400;color:var(--muted)}
        .figures .warn dd,.figures .warn dd a{color:var(--overdue)}
        .figures dd.d{font-size:1.4em}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.93em}
        caption{text-align:left;color:var(--muted);padding:4px 0}
        th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
        thead th{background:var(--soft);font-weight:600}
        .n{text-align:right;font-variant-numeric:tabular-nums}
        .matrix td,.matrix thead th.n{width:9%}
        .matrix tbody th{min-width:14em}
        tfoot th,tfoot td{font-weight:700}
        tr.item:hover{background:#f8fafc}
        .st{white-space:nowrap;font-size:.88em}
        .st::before{content:"";display:inline-block;width:.75em;height:.75em;margin-right:.35em;vertical-align:-.05em;
        background:currentColor;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .st-overdue{color:var(--overdue);font-weight:600}.st-overdue::before{clip-path:polygon(50% 0,100% 100%,0 100%)}
        .st-open{color:var(--open)}.st-open::before{background:none;border:2px solid;border-radius:50%}
        .st-no-deadline{color:var(--nodl)}.st-no-deadline::before{background:none;border:2px solid;transform:rotate(45deg) scale(.8)}
        .st-done-on-time{color:var(--ontime)}.st-done-on-time::before{border-radius:50%}
        .st-done-late{color:var(--late)}
        .st-cancelled{color:var(--cancelled)}.st-cancelled::before{clip-path:polygon(20% 0,50% 30%,80% 0,100% 20%,70% 50%,100% 80%,80% 100%,50% 70%,20% 100%,0 80%,30% 50%,0 20%)}
        .gantt-box{border:1px solid var(--line);border-radius:8px;padding:4px;overflow-x:auto}
        svg.gantt{display:block;width:100%;min-width:900px;height:auto;font-size:12px}
        .gantt text{fill:var(--ink)}
        .gantt .sec text{font-weight:700;fill:#17325c}
        .gantt .yr{text-anchor:middle;font-weight:600;fill:var(--muted)}
        .gantt .grid{stroke:#c3cad6}.gantt .minor{stroke:#eceff4}
        .gantt .rep{stroke:#8a56c2;stroke-dasharray:3 3;stroke-width:1.2}
        .gantt .today{stroke:#e0442b;stroke-width:2}
        .gantt .today-t{fill:#e0442b;font-weight:700;text-anchor:middle}
        .gantt .row{color:var(--open)}.gantt a{color:inherit}.gantt .row text{font-weight:400}
        .gantt .row a:focus{outline:none}.gantt .row a:focus rect,.gantt .row a:focus path{stroke:#000;stroke-width:2}
        .gantt .row:hover text,.gantt .row a:focus text{text-decoration:underline}
        .gantt .bar{fill:currentColor}
        .gantt .bar.cont{fill-opacity:.28;stroke:currentColor;stroke-width:1.2;stroke-dasharray:4 2}
        .gantt .rec line{stroke:currentColor;stroke-opacity:.4;stroke-width:2}.gantt .rec path{stroke:currentColor;stroke-width:2.5}
        .gantt use,.st-x{fill:currentColor}
        .row.st-overdue{color:var(--overdue)}.row.st-no-deadline{color:var(--nodl)}.row.st-done-on-time{color:var(--ontime)}
        .row.st-done-late{color:var(--late)}.row.st-cancelled{color:var(--cancelled)}
        .legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:.88em;color:var(--muted)}
        .legend svg{width:28px;height:14px;vertical-align:-2px;margin-right:4px;color:var(--open)}
        .legend .lg{fill:currentColor}.legend .lg.cont{fill-opacity:.28;stroke:currentColor;stroke-dasharray:4 2}
        .legend .rec{stroke:currentColor;stroke-width:2;fill:none}.legend .today{stroke:#e0442b;stroke-width:2}
        .legend .rep{stroke:#8a56c2;stroke-width:1.5;stroke-dasharray:3 3}
        ul.due,ul.changes{padding-left:1.2em}
        .d{font-variant-numeric:tabular-nums;white-space:nowrap}
        .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;background:var(--soft);border:1px solid var(--line);
        border-radius:8px;padding:10px 12px;margin-bottom:10px}
        .filters[hidden]{display:none}
        .filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted);gap:2px}
        .filters select,.filters input,.filters button{font:inherit;font-size:1.05em;color:var(--ink);padding:4px 6px;max-width:22em}
        #shown{font-size:.9em;color:var(--muted)}
        dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
        dl.fields div{display:contents}dl.fields dt{color:var(--muted)}dl.fields dd{margin:0}
        .kv dt{font-weight:600}.kv dd{margin:0 0 4px 12px}
        .body{max-width:75ch}
        footer{max-width:1240px;margin:0 auto;padding:12px 20px;color:var(--muted);font-size:.85em;border-top:1px solid var(--line)}
        @media print{
        @page{size:A4 landscape;margin:10mm}
        body{font-size:10pt}
        .top,.skip,.filters,footer,noscript{display:none}
        main{max-width:none;padding:0}
        a{color:inherit;text-decoration:none}
        h2{break-after:avoid}
        tr,.figures div,li{break-inside:avoid}
        .gantt-box{border:0;overflow:visible}
        svg.gantt{min-width:0}
        .scroll{overflow:visible}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }

        """

    /// Filters from the form or the address (`#unit=…&state=…&section=…&q=…`, or the same as a query), rows
    /// hidden with the `hidden` attribute, the timeline's rows moved up so the chart stays compact.
    static let script = """
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form) return;
          var keys = ["unit", "state", "section", "q"];
          var rows = Array.prototype.slice.call(document.querySelectorAll("tr.item"));
          var svg = document.querySelector("svg.gantt");
          function fold(s) {
            return (s || "").normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
          }
          rows.forEach(function (r) { r.dataset.text = fold(r.textContent); });
          function fromAddress() {
            var s = location.hash.length > 1 ? location.hash.slice(1) : location.search.slice(1);
            var p = new URLSearchParams(s);
            keys.forEach(function (k) { if (form.elements[k]) form.elements[k].value = p.get(k) || ""; });
          }
          function value(k) { return form.elements[k] ? form.elements[k].value : ""; }
          function apply(write) {
            var unit = value("unit"), state = value("state"), section = value("section"), q = fold(value("q").trim());
            var visible = {}, n = 0;
            rows.forEach(function (r) {
              var ok = (!unit || r.dataset.unit === unit) && (!state || r.dataset.state === state) &&
                (!section || r.dataset.section === section) && (!q || r.dataset.text.indexOf(q) >= 0);
              r.hidden = !ok;
              if (ok) { visible[r.dataset.item] = true; n++; }
            });
            if (svg) layout(visible);
            var out = document.getElementById("shown");
            if (out) out.textContent = form.dataset.shown.replace("{0}", n).replace("{1}", rows.length);
            if (write) {
              var p = new URLSearchParams();
              keys.forEach(function (k) { if (value(k)) p.set(k, value(k)); });
              var s = p.toString();
              history.replaceState(null, "", s ? "#" + s : location.pathname + location.search);
            }
          }
          function layout(visible) {
            var top = +svg.dataset.top, h = +svg.dataset.row, y = top, pending = null;
            Array.prototype.forEach.call(svg.querySelector(".rows").children, function (g) {
              if (g.classList.contains("sec")) {
                g.setAttribute("display", "none");
                pending = g;
                return;
              }
              if (!visible[g.dataset.item]) { g.setAttribute("display", "none"); return; }
              if (pending) {
                pending.removeAttribute("display");
                pending.setAttribute("transform", "translate(0," + y + ")");
                y += h;
                pending = null;
              }
              g.removeAttribute("display");
              g.setAttribute("transform", "translate(0," + y + ")");
              y += h;
            });
            var height = Math.max(y + 6, top + h);
            var vb = svg.viewBox.baseVal;
            svg.setAttribute("viewBox", "0 0 " + vb.width + " " + height);
            Array.prototype.forEach.call(svg.querySelectorAll(".vl"), function (l) { l.setAttribute("y2", height); });
          }
          form.hidden = false;
          form.addEventListener("input", function () { apply(true); });
          form.addEventListener("change", function () { apply(true); });
          form.addEventListener("submit", function (e) { e.preventDefault(); });
          form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
          window.addEventListener("hashchange", function () { fromAddress(); apply(false); });
          fromAddress();
          apply(false);
        })();

        """
}
