/* chiso: "what it takes" simulator, chart export (PNG, SVG), print and copy buttons.
   No inline script: the page gives what it needs in data- attributes. */
(function () {
  "use strict";

  function nf(lang, digits) {
    return new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN",
      { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function fmtScore(v, lang) {
    if (v === null || v === undefined || isNaN(v)) return "–";
    return nf(lang, Math.abs(v) <= 1 ? 4 : 2).format(v);
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function download(name, href) {
    var a = el("a", { href: href, download: name });
    document.body.appendChild(a); a.click(); a.remove();
  }

  // print and copy
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-copyable]").forEach(function (f) {
    f.addEventListener("focus", function () { f.select(); });
  });

  // every chart exports as PNG and SVG (the SVG is drawn again by ECharts' SVG renderer)
  function exportButtons(chartEl) {
    var name = (chartEl.id || "chart") + "-" + (document.title.split(" · ")[0] || "chiso");
    var bar = el("div", { "class": "chart-export small", "data-testid": "export-" + chartEl.id });
    [["png", "PNG"], ["svg", "SVG"]].forEach(function (kind) {
      var b = el("button", { type: "button", "data-export": kind[0] }, kind[1]);
      b.addEventListener("click", function () {
        var chart = window.echarts && echarts.getInstanceByDom(chartEl);
        if (!chart) return;
        if (kind[0] === "png") {
          download(name + ".png", chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }));
          return;
        }
        var holder = el("div", {});
        var svg = echarts.init(holder, null, { renderer: "svg", ssr: true,
          width: chartEl.clientWidth || 800, height: chartEl.clientHeight || 400 });
        var option = chart.getOption();
        option.animation = false;
        svg.setOption(option);
        var text = svg.renderToSVGString();
        svg.dispose();
        var url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
        download(name + ".svg", url);
        chartEl.dataset.lastSvg = String(text.length);
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      });
      bar.appendChild(b);
    });
    chartEl.parentNode.insertBefore(bar, chartEl.nextSibling);
  }
  document.querySelectorAll(".chart[id]").forEach(exportButtons);

  // the simulator
  var box = document.getElementById("simulator");
  if (!box) return;
  var lang = box.getAttribute("data-lang") || "vi";
  var L = JSON.parse(box.getAttribute("data-labels"));
  var goalSel = box.querySelector("[data-wit-goal]");
  var out = box.querySelector("[data-wit-result]");
  var plan = box.querySelector("[data-wit-plan]");
  var holder = box.querySelector("[data-wit-sliders]");
  var data = null, timer = null, asked = 0;

  function rankOf(score) {
    var d = data.rank_digits, mine = d === null ? score : Number(score.toFixed(d));
    var above = data.others.filter(function (o) {
      return (d === null ? o : Number(o.toFixed(d))) > mine;
    }).length;
    return 1 + above;
  }
  function values() {
    var v = {};
    holder.querySelectorAll("input[type=range]").forEach(function (s) { v[s.name] = Number(s.value); });
    return v;
  }
  function show(score, rank) {
    var tag = data.simulated ? " (" + L.simulated + ")" : "";
    out.textContent = L.score + " " + fmtScore(data.score, lang) + " → " + fmtScore(score, lang) +
      " · " + L.rank + " " + data.rank + " → " + rank + "/" + data.of + tag;
    box.dataset.score = String(score);
    box.dataset.rank = String(rank);
  }
  function recompute() {
    var v = values();
    if (data.exact) {
      var s = data.score;
      data.indicators.forEach(function (i) { s += i.slope * (v[i.code] - i.value); });
      show(s, rankOf(s));
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(function () {   // a method that is not linear: the server builds it
      var q = Object.keys(v).filter(function (k) {
        var i = data.indicators.find(function (x) { return x.code === k; });
        return i && v[k] !== i.value;
      }).map(function (k) { return k + "=" + v[k]; }).join(",");
      if (!q) { show(data.score, data.rank); return; }
      fetch(box.getAttribute("data-src") + "&values=" + encodeURIComponent(q))
        .then(function (r) { return r.json(); })
        .then(function (js) {
          if (js.ok && js.data && js.data.with_values) show(js.data.with_values.score, js.data.with_values.rank);
          else out.textContent = js.error || "–";
        });
    }, 250);
  }
  function build() {
    holder.textContent = "";
    data.indicators.forEach(function (i) {
      var row = el("div", { "class": "wit-row" });
      var id = "wit-" + i.code;
      var label = el("label", { "for": id }, i.name[lang] || i.name.vi);
      var input = el("input", { type: "range", id: id, name: i.code, min: String(i.low),
        max: String(i.high), step: "any", value: String(i.value),
        "data-testid": "slider-" + i.code });
      var now = el("span", { "class": "num" }, fmtScore(i.value, lang));
      input.addEventListener("input", function () {
        now.textContent = fmtScore(Number(input.value), lang); recompute();
      });
      var hint = "";
      if (i.single && i.single.moves.length) {
        hint = i.single.reaches ? L.alone + " " + fmtScore(i.single.moves[0].after, lang) : "";
      }
      row.appendChild(label); row.appendChild(input); row.appendChild(now);
      row.appendChild(el("span", { "class": "muted small" }, hint));
      holder.appendChild(row);
    });
    var g = data.goal, text = "";
    if (g) {
      if (g.reached) text = L.reached;
      else {
        if (g.threshold !== null) text += L.threshold + " " + fmtScore(g.threshold, lang) + ". ";
        if (g.combined) {
          text += L.combined + ": " + g.combined.moves.map(function (m) {
            var i = data.indicators.find(function (x) { return x.code === m.indicator; });
            return (i ? i.name[lang] || i.name.vi : m.indicator) + " " + fmtScore(m.before, lang) +
              " → " + fmtScore(m.after, lang);
          }).join("; ") + ".";
        } else text += L.unreachable + ".";
      }
      text += " (" + (data.exact ? L.exact : L.search) + ")";
    }
    plan.textContent = text;
    show(data.score, data.rank);
    box.dataset.ready = "1";
  }
  function load() {
    var n = ++asked;
    box.dataset.ready = "";
    fetch(box.getAttribute("data-src") + "&goal=" + encodeURIComponent(goalSel.value) +
          "&lang=" + lang)
      .then(function (r) { return r.json(); })
      .then(function (js) {
        if (n !== asked) return;
        if (!js.ok || !js.data) {   // the run cannot say it for this province: say why
          holder.textContent = ""; plan.textContent = "";
          out.textContent = js.error || "–";
          box.dataset.ready = "1";
          return;
        }
        if (!js.data.available) {
          holder.textContent = ""; plan.textContent = "";
          out.textContent = js.data.message[lang] || js.data.message.vi;
          box.dataset.ready = "1";
          return;
        }
        data = js.data; build();
      });
  }
  goalSel.addEventListener("change", load);
  box.querySelector("[data-wit-reset]").addEventListener("click", function () { if (data) build(); });
  load();
})();
