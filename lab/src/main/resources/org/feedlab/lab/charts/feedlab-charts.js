/* FeedLab charts on uPlot: line charts over ticks with optional 95 % bands, count axes that never
   go below zero, and the opinion histogram. Used by the live page and by report.html.
   Apache-2.0, part of FeedLab. */
(function (global) {
  'use strict';
  var COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

  function clean(values) {
    return values.map(function (v) {
      return v === null || v === undefined || (typeof v === 'number' && !isFinite(v)) ? null : v;
    });
  }

  function fill(hex) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',0.15)';
  }

  function points(data) {
    var n = 0;
    for (var s = 1; s < data.length; s++) {
      for (var i = 0; i < data[s].length; i++) {
        if (data[s][i] !== null) n++;
      }
    }
    return n;
  }

  /* Round bounds for the y scale: counts start at 0, shares stay in [0, 1] when they fit,
     positive quantities are fitted to the data but never go below 0. */
  function yRange(kind) {
    return function (u, min, max) {
      if (min === null || max === null) return [0, 1];
      if (kind === 'count') {
        return [0, uPlot.rangeNum(0, max > 0 ? max : 1, 0.1, true)[1]];
      }
      if (kind === 'share') {
        var r = uPlot.rangeNum(Math.max(0, min), Math.min(1, max), 0.1, true);
        return [Math.max(0, r[0]), Math.min(1, r[1])];
      }
      if (kind === 'positive') {
        var p = uPlot.rangeNum(Math.max(0, min), Math.max(0, max), 0.1, true);
        return [Math.max(0, p[0]), p[1]];
      }
      return uPlot.rangeNum(min, max, 0.1, true);
    };
  }

  function tickLabels(u, splits) {
    return splits.map(function (v) { return String(Math.round(v)); });
  }

  /* A dose's levels: three significant digits; from 100,000 up in exponent form (7e10, 4.6e9),
     so a hardware speed's levels do not run into each other. */
  function levelLabels(u, splits) {
    return splits.map(function (v) {
      var r = Number(v.toPrecision(3));
      return Math.abs(r) >= 1e5 ? r.toExponential().replace('e+', 'e') : String(r);
    });
  }

  /*
   * A line chart over ticks, or over the levels of a dose when spec.x names it.
   * spec: {title, kind: 'count' | 'share' | 'value', x, width, height,
   *        lines: [{label, values, lower, upper, right}]}  (lower/upper: an optional 95 % band;
   *        right: the line has its own scale, on an axis at the right, from `right.min` up)
   */
  function lineChart(el, ticks, spec) {
    var series = [{label: spec.x || 'tick'}];
    var data = [ticks];
    var bands = [];
    spec.lines.forEach(function (line, i) {
      var colour = COLOURS[i % COLOURS.length];
      series.push({label: line.label, stroke: colour, width: 2, spanGaps: false,
                   scale: line.right ? 'right' : 'y'});
      data.push(clean(line.values));
      if (line.lower && line.upper) {
        var hi = series.length;
        series.push({label: line.label + ' 95 % high', stroke: fill(colour), width: 1,
                     points: {show: false}});
        data.push(clean(line.upper));
        series.push({label: line.label + ' 95 % low', stroke: fill(colour), width: 1,
                     points: {show: false}});
        data.push(clean(line.lower));
        bands.push({series: [hi, hi + 1], fill: fill(colour)});
      }
    });
    var right = spec.lines.filter(function (l) { return l.right; })[0];
    var scales = {x: {time: false}, y: {range: yRange(spec.kind)}};
    var axes = [
      spec.x ? {label: spec.x, values: levelLabels}
             : {label: 'tick', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: tickLabels},
      {size: 56}
    ];
    if (right) {
      scales.right = {range: [right.right.min, right.right.max]};
      axes.push({scale: 'right', side: 1, size: 48, grid: {show: false},
                 stroke: COLOURS[spec.lines.indexOf(right) % COLOURS.length]});
    }
    var opts = {
      title: spec.title,
      width: spec.width || 480,
      height: spec.height || 240,
      series: series,
      bands: bands,
      legend: {show: spec.lines.length > 1 || bands.length > 0, live: false},
      scales: scales,
      axes: axes
    };
    el.setAttribute('data-points', String(points(data)));
    var chart = new uPlot(opts, data, el);
    // The band's edges are drawn but not listed: the legend names the arms only. A legend that
    // is not live has no row for the x series, so series i is row i - 1.
    var rows = chart.root.querySelectorAll('.u-legend .u-series');
    bands.forEach(function (b) {
      b.series.forEach(function (i) { if (rows[i - 1]) rows[i - 1].style.display = 'none'; });
    });
    return {
      chart: chart,
      update: function (newTicks, lines) {
        var d = [newTicks];
        lines.forEach(function (line) {
          d.push(clean(line.values));
          if (line.lower && line.upper) {
            d.push(clean(line.upper));
            d.push(clean(line.lower));
          }
        });
        chart.setData(d);
        el.setAttribute('data-points', String(points(d)));
      }
    };
  }

  /*
   * The opinion histogram: share of users per opinion bin now (bars) and at the start (line).
   * spec: {title, width, height, centres, now, start}
   */
  function histogram(el, spec) {
    var data = [spec.centres, clean(spec.now), clean(spec.start)];
    var opts = {
      title: spec.title,
      width: spec.width || 480,
      height: spec.height || 240,
      series: [
        {label: 'opinion'},
        {label: 'now', stroke: '#1f77b4', fill: fill('#1f77b4'), width: 1,
         paths: uPlot.paths.bars({size: [0.95, 100]}), points: {show: false}},
        {label: 'at the start', stroke: '#888', width: 2, dash: [4, 4], points: {show: false}}
      ],
      scales: {x: {time: false, range: [-1, 1]}, y: {range: yRange('count')}},
      legend: {live: false},
      axes: [{label: 'opinion (left −1 … right +1)', incrs: [0.5]}, {size: 56}]
    };
    el.setAttribute('data-points', String(points(data)));
    var chart = new uPlot(opts, data, el);
    return {
      chart: chart,
      update: function (now, start) {
        var d = [spec.centres, clean(now), clean(start)];
        chart.setData(d);
        el.setAttribute('data-points', String(points(d)));
      }
    };
  }

  global.FeedLabCharts = {lineChart: lineChart, histogram: histogram, colours: COLOURS};
})(window);
