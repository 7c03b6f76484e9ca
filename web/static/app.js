// Progressive enhancement for the pages of the web app (growth, team, reviews, administration);
// every page works without it.
// - charts: [data-radar] (ratings per competency against the expectations of a level and the
//   next) and [data-bars] (a team's level distribution), drawn with Chart.js when it is loaded;
// - the YAML editor's Check button is answered in place by htmx (hx-post), without a reload.
(function () {
  'use strict';
  if (!window.Chart) return;
  function read(canvas, attribute) {
    try { return JSON.parse(canvas.getAttribute(attribute)); } catch (e) { return null; }
  }
  var colours = ['#0b5cad', '#8a6d00', '#0f6b33', '#a1232b'];
  document.querySelectorAll('canvas[data-radar]').forEach(function (canvas) {
    var data = read(canvas, 'data-radar');
    if (!data) return;
    var bars = data.type === 'bar';
    data.datasets.forEach(function (ds, i) {
      var expected = ds.expected !== undefined;
      if (bars && expected) { ds.type = 'line'; ds.fill = false; }
      ds.borderColor = colours[i % colours.length];
      ds.backgroundColor = expected ? 'transparent' : colours[i % colours.length] + '33';
      ds.borderDash = expected ? [6, 4] : [];
      ds.pointRadius = expected ? 0 : 3;
      ds.spanGaps = true;
      delete ds.expected;
    });
    var type = data.type === 'bar' ? 'bar' : 'radar';
    delete data.type;
    var scales = type === 'radar'
      ? { r: { min: 0, max: 3, ticks: { stepSize: 1 } } }
      : { y: { min: 0, max: 3, ticks: { stepSize: 1 } } };
    new window.Chart(canvas, {
      type: type,
      data: data,
      options: { animation: false, responsive: true, scales: scales }
    });
  });
  document.querySelectorAll('canvas[data-bars]').forEach(function (canvas) {
    var data = read(canvas, 'data-bars');
    if (!data) return;
    data.datasets.forEach(function (ds) { ds.backgroundColor = colours[0]; });
    new window.Chart(canvas, {
      type: 'bar',
      data: data,
      options: {
        animation: false,
        responsive: true,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
