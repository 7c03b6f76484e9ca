// Progressive enhancement for Ladder's pages; every page works without it.
// - compare form: goes straight to the page of the chosen pair (works from file:// too);
// - charts: draws [data-chart] canvases with Chart.js when it is loaded.
(function () {
  'use strict';
  var form = document.querySelector('form[data-compare]');
  if (form) {
    form.addEventListener('submit', function (event) {
      var a = form.elements.a.selectedOptions[0];
      var b = form.elements.b.selectedOptions[0];
      if (!a || !b || a.value === b.value) return;
      event.preventDefault();
      // Pages exist for pairs in framework order: the lower index comes first.
      var first = a, second = b;
      if (Number(a.dataset.index) > Number(b.dataset.index)) { first = b; second = a; }
      window.location.href = encodeURIComponent(first.value) + '--' +
        encodeURIComponent(second.value) + '.html';
    });
  }
  if (window.Chart) {
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data;
      try { data = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
      new window.Chart(canvas, {
        type: 'bar',
        data: data,
        options: {
          animation: false,
          responsive: true,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
                                               title: { display: true, text: 'behaviours' } } }
        }
      });
    });
  }
})();
