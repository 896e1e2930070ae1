/* chiso: the charts (Apache ECharts, served locally) and small page behaviours. */
(function () {
  "use strict";

  // A yellow-to-red sequential scale, after the national flag; readable on white.
  var SCALE = ["#fff3c4", "#fdd47e", "#f7a34f", "#e4682f", "#c33021", "#8e1212"];
  var RED = "#b81d18", GREY = "#8a94a6", NAVY = "#1d2b4f";

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function nf(lang, digits) {
    return new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN",
      digits === undefined ? { maximumFractionDigits: 4 } :
        { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function fmtScore(v, lang) {
    if (v === null || v === undefined || isNaN(v)) return "–";
    return nf(lang, Math.abs(v) <= 1 ? 4 : 2).format(v);
  }

  // selectors: changing the framework resets the year; any change submits
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.querySelectorAll("select").forEach(function (sel) {
      sel.addEventListener("change", function () {
        var reset = sel.getAttribute("data-resets");
        if (reset) {
          var other = form.querySelector("[name=" + reset + "]");
          if (other) other.disabled = true;
        }
        form.submit();
      });
    });
  });

  var maps = {};
  function loadMap(name) {
    if (!maps[name]) {
      maps[name] = fetch("/static/map/" + name + ".geojson").then(function (r) { return r.json(); })
        .then(function (geo) { echarts.registerMap(name, geo); return geo; });
    }
    return maps[name];
  }

  function islandLabels(geo) {
    return geo.features.filter(function (f) { return f.properties.island; }).map(function (f) {
      return { name: f.properties.island, value: [f.properties.label_lon, f.properties.label_lat],
               label: { position: f.properties.label_pos || "bottom" } };
    });
  }

  function drawMap(el, cfg) {
    return loadMap(cfg.map).then(function (geo) {
      var byCode = {}, values = [];
      cfg.items.forEach(function (u, i) {
        byCode[u.code] = { unit: u, score: cfg.scores[i], rank: cfg.ranks ? cfg.ranks[i] : null };
        if (cfg.scores[i] !== null && cfg.scores[i] !== undefined) values.push(cfg.scores[i]);
      });
      var names = {};
      geo.features.forEach(function (f) { names[f.properties.code] = f.properties.name; });
      var lo = values.length ? Math.min.apply(null, values) : 0;
      var hi = values.length ? Math.max.apply(null, values) : 1;
      if (lo === hi) { hi = lo + 1; }
      var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "canvas" });
      chart.setOption({
        animation: false,
        tooltip: {
          trigger: "item",
          formatter: function (p) {
            if (p.seriesType === "scatter") return p.name;
            var d = byCode[p.name];
            var label = d ? d.unit.name : (names[p.name] || p.name);
            if (!d || d.score === null || d.score === undefined) return label + "<br>" + cfg.noData;
            return "<strong>" + label + "</strong><br>" + cfg.label + ": " + fmtScore(d.score, cfg.lang) +
              (d.rank ? "<br>" + cfg.rankLabel + ": " + d.rank : "");
          }
        },
        visualMap: {
          min: lo, max: hi, calculable: false, orient: "horizontal", right: 8, top: 8,
          itemWidth: 12, itemHeight: 120, inRange: { color: SCALE },
          text: [fmtScore(hi, cfg.lang), fmtScore(lo, cfg.lang)], textStyle: { color: NAVY },
          seriesIndex: 0
        },
        geo: {
          map: cfg.map, nameProperty: "code", roam: true, aspectScale: 0.96,
          layoutCenter: ["50%", "50%"], layoutSize: "98%",
          scaleLimit: { min: 1, max: 12 },
          itemStyle: { areaColor: "#e9ecf2", borderColor: "#ffffff", borderWidth: 0.6 },
          emphasis: { itemStyle: { areaColor: NAVY }, label: { show: false } },
          select: { disabled: true },
          label: { show: false }
        },
        series: [
          {
            type: "map", geoIndex: 0, nameProperty: "code",
            data: cfg.items.map(function (u, i) {
              return { name: u.code, value: cfg.scores[i] };
            })
          },
          {
            type: "scatter", coordinateSystem: "geo", symbolSize: 1, silent: false,
            itemStyle: { color: "transparent" },
            label: { show: true, formatter: "{b}", color: NAVY, fontSize: 11, lineHeight: 14,
                     fontStyle: "italic", width: 130, overflow: "break", align: "center",
                     backgroundColor: "rgba(255,255,255,0.75)", padding: [1, 3] },
            labelLayout: { hideOverlap: false },
            data: islandLabels(geo)
          }
        ]
      });
      chart.on("click", function (p) {
        if (p.seriesType === "scatter") return;
        var d = byCode[p.name];
        if (d) window.location.href = "/province/" + encodeURIComponent(d.unit.id) +
          (cfg.run ? "?run=" + cfg.run : "?x=1") + (cfg.qs || "");
      });
      el.dataset.provinces = String(Object.keys(byCode).filter(function (c) { return names[c]; }).length);
      el.dataset.regions = String(Object.keys(names).length);
      el.dataset.ready = "1";
      window.addEventListener("resize", function () { chart.resize(); });
      el.chiso = { chart: chart, geo: geo, byCode: byCode };
      return chart;
    });
  }

  function drawRadar(el, cfg) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      color: [RED, GREY, NAVY],
      legend: { bottom: 0, textStyle: { color: NAVY } },
      tooltip: { trigger: "item" },
      radar: {
        indicator: cfg.axes.map(function (a) { return { name: a.name, max: a.max }; }),
        radius: "62%", axisName: { color: NAVY, fontSize: 11 },
        splitArea: { areaStyle: { color: ["#fafbfd", "#f1f3f8"] } }
      },
      series: [{
        type: "radar",
        data: cfg.series.map(function (s, i) {
          return { name: s.name, value: s.values,
                   areaStyle: i === 0 ? { opacity: 0.18 } : undefined,
                   lineStyle: { width: i === 0 ? 2.5 : 1.5, type: i === 1 ? "dashed" : "solid" } };
        })
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.ready = "1";
  }

  function drawBars(el, cfg) {
    var chart = echarts.init(el);
    var rows = cfg.rows.slice().reverse();
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: function (v) { return nf(cfg.lang).format(v); } },
      xAxis: { type: "value", axisLabel: { formatter: function (v) { return nf(cfg.lang).format(v); } } },
      yAxis: { type: "category", data: rows.map(function (r) { return r.name; }),
               axisLabel: { color: NAVY, fontSize: 11 } },
      series: [{
        type: "bar", data: rows.map(function (r) { return { value: r.value, itemStyle: { color: r.highlight ? RED : "#d28a55" } }; }),
        label: { show: true, position: "right", fontSize: 10,
                 formatter: function (p) { return nf(cfg.lang).format(p.value); } },
        markLine: cfg.mean === null || cfg.mean === undefined ? undefined : {
          symbol: "none", lineStyle: { color: NAVY, type: "dashed" },
          label: { formatter: cfg.meanLabel, color: NAVY, fontSize: 10 },
          data: [{ xAxis: cfg.mean }]
        }
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.ready = "1";
  }

  function drawGrouped(el, cfg) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      color: [RED, NAVY, "#e4a11b", "#2f7d6d", "#7a4fa0"],
      legend: { top: 0, textStyle: { color: NAVY } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: function (v) { return fmtScore(v, cfg.lang); } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: cfg.axes, axisLabel: { interval: 0, rotate: cfg.axes.length > 4 ? 30 : 0, fontSize: 11 } },
      yAxis: { type: "value", axisLabel: { formatter: function (v) { return nf(cfg.lang).format(v); } } },
      series: cfg.series.map(function (s) { return { type: "bar", name: s.name, data: s.values }; })
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.ready = "1";
  }

  function drawTrend(el, cfg, pick) {
    var chart = echarts.init(el);
    function show(i) {
      var ind = cfg.indicators[i];
      chart.setOption({
        animation: false,
        color: [RED, "#d28a55", "#e4a11b", "#7a4fa0", NAVY],
        legend: { bottom: 0, textStyle: { color: NAVY } },
        tooltip: { trigger: "axis", valueFormatter: function (v) { return v === null || v === undefined ? "–" : fmtScore(v, cfg.lang); } },
        grid: { left: 8, right: 16, top: 24, bottom: 36, containLabel: true },
        xAxis: { type: "category", data: cfg.periods },
        yAxis: { type: "value", min: 0, axisLabel: { formatter: function (v) { return nf(cfg.lang).format(v); } } },
        series: ind.series.map(function (s, k) {
          return {
            type: "line", name: s.role === "national" ? cfg.meanLabel : s.name + (s.role === "predecessor" ? cfg.formerLabel : ""), data: s.points,
            connectNulls: false, symbolSize: 6,
            lineStyle: { type: s.role === "predecessor" ? "dashed" : "solid", width: s.role === "own" ? 3 : 1.5,
                         color: s.role === "national" ? NAVY : undefined },
            itemStyle: s.role === "national" ? { color: NAVY } : undefined,
            markLine: k === 0 && cfg.reform ? { symbol: "none", silent: true,
              lineStyle: { color: GREY, type: "dotted" }, label: { formatter: cfg.reformLabel, color: NAVY, fontSize: 10 },
              data: [{ xAxis: cfg.reform }] } : undefined
          };
        })
      }, true);
    }
    show(0);
    if (pick) pick.addEventListener("change", function () { show(Number(pick.value)); });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.ready = "1";
  }


  // a project's cash flows by year: costs below zero, benefits above, the net flow as a line
  function drawCashFlows(el, cfg) {
    var chart = echarts.init(el);
    var money = function (v) { return nf(cfg.lang, 2).format(v / 1e9) + " " + cfg.unitLabel; };
    chart.setOption({
      animation: false,
      color: [RED, "#2f7d6d", NAVY],
      legend: { top: 0, textStyle: { color: NAVY } },
      tooltip: { trigger: "axis", valueFormatter: money },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: cfg.years },
      yAxis: { type: "value", axisLabel: { formatter: function (v) { return nf(cfg.lang, 1).format(v / 1e9); } } },
      series: [
        { type: "bar", name: cfg.labels.costs, stack: "flow", data: cfg.costs.map(function (v) { return -v; }) },
        { type: "bar", name: cfg.labels.benefits, stack: "flow", data: cfg.benefits },
        { type: "line", name: cfg.labels.net, data: cfg.net, symbolSize: 6 }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.ready = "1";
  }

  // switching values as a tornado: how far (in % of its present value) each line may move
  // before NPV = 0; benefits to the left (they may fall), costs to the right (they may rise)
  function drawTornado(el, cfg) {
    var chart = echarts.init(el);
    var rows = cfg.rows.slice().reverse();
    var pct = function (v) { return v === null || v === undefined ? "–" : nf(cfg.lang, 0).format(v * 100) + " %"; };
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: pct },
      xAxis: { type: "value", axisLabel: { formatter: pct } },
      yAxis: { type: "category", data: rows.map(function (r) { return r.name; }),
               axisLabel: { color: NAVY, fontSize: 11 } },
      series: [{
        type: "bar", name: cfg.label,
        data: rows.map(function (r) {
          var v = r.value === null ? null : Math.max(-cfg.cap, Math.min(cfg.cap, r.value));
          return { value: v, itemStyle: { color: r.kind === "benefit" ? "#2f7d6d" : RED } };
        }),
        label: { show: true, position: "right", fontSize: 10, formatter: function (p) { return pct(rows[p.dataIndex].value); } }
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.ready = "1";
  }

  function boot() {
    if (typeof echarts === "undefined") return;
    var mapEl = document.getElementById("map"), mapCfg = readJSON("map-data");
    if (mapEl && mapCfg) drawMap(mapEl, mapCfg);
    var radarEl = document.getElementById("radar"), radarCfg = readJSON("radar-data");
    if (radarEl && radarCfg && radarCfg.axes.length >= 3) drawRadar(radarEl, radarCfg);
    else if (radarEl && radarCfg) drawGrouped(radarEl, { axes: radarCfg.axes.map(function (a) { return a.name; }), series: radarCfg.series, lang: radarCfg.lang });
    var barsEl = document.getElementById("bars"), barsCfg = readJSON("bars-data");
    if (barsEl && barsCfg) drawBars(barsEl, barsCfg);
    var trendEl = document.getElementById("trend"), trendCfg = readJSON("trend-data");
    if (trendEl && trendCfg && trendCfg.indicators.length) drawTrend(trendEl, trendCfg, document.getElementById("trend-pick"));
    var cmpEl = document.getElementById("compare-chart"), cmpCfg = readJSON("compare-data");
    if (cmpEl && cmpCfg) drawGrouped(cmpEl, cmpCfg);
    var cashEl = document.getElementById("cashflows"), cashCfg = readJSON("cashflows-data");
    if (cashEl && cashCfg) drawCashFlows(cashEl, cashCfg);
    var torEl = document.getElementById("tornado"), torCfg = readJSON("tornado-data");
    if (torEl && torCfg && torCfg.rows.length) drawTornado(torEl, torCfg);
  }

  window.chiso = { drawMap: drawMap, boot: boot };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
