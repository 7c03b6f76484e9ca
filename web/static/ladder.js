// Progressive enhancement for Ladder's pages; every page works without it.
// - the Menu button of narrow screens;
// - compare form: goes straight to the page of the chosen pair (works from file:// too);
// - level pages: one button opens or folds every block inherited from lower levels;
// - charts: draws [data-chart] canvases with Chart.js when it is loaded.
(function () {
  'use strict';
  // The Menu button of narrow screens opens and closes the site's links in place (without
  // script it jumps to them, and CSS shows them as the target).
  var toggle = document.querySelector('.nav-toggle');
  var menu = document.getElementById('site-menu');
  if (toggle && menu) {
    toggle.addEventListener('click', function (event) {
      event.preventDefault();
      var open = menu.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  // On the server any pair has a page; the static site lists its pages in data-pages and says
  // so when the chosen pair is not among them.
  var form = document.querySelector('form[data-compare]');
  if (form) {
    form.addEventListener('submit', function (event) {
      var a = form.elements.a.value;
      var b = form.elements.b.value;
      var missing = form.querySelector('.compare-missing');
      if (!a || !b) return;
      event.preventDefault();
      if (a === b) {
        if (missing) missing.textContent = 'Choose two different levels.';
        return;
      }
      var page = a + '--' + b;
      var pages = form.getAttribute('data-pages');
      if (pages !== null && pages.split(' ').indexOf(page) < 0) {
        if (missing) {
          missing.textContent = 'This copy has no page for that pair: choose one of the ' +
            'comparisons listed below, or open the framework in ladder serve, which compares ' +
            'any two levels.';
        }
        return;
      }
      window.location.href = encodeURIComponent(a) + '--' + encodeURIComponent(b) + '.html';
    });
  }
  // Level pages fold what each cell inherits from lower levels; one button opens or folds every
  // block (without script each opens on its own, and print.css prints them all open).
  var inheritedToggle = document.querySelector('button[data-toggle-inherited]');
  var inheritedBlocks = document.querySelectorAll('details.inherited');
  if (inheritedToggle && inheritedBlocks.length) {
    inheritedToggle.hidden = false;
    inheritedToggle.addEventListener('click', function () {
      var open = inheritedToggle.getAttribute('aria-expanded') !== 'true';
      inheritedBlocks.forEach(function (d) { d.open = open; });
      inheritedToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      inheritedToggle.textContent = open ? 'Fold everything inherited' : 'Show everything inherited';
    });
  }
  // Print buttons (job descriptions, interview guides): shown only where they work.
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  if (window.Chart) {
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data;
      try { data = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
      var yTitle = data.y_title || 'behaviours';
      delete data.y_title;
      new window.Chart(canvas, {
        type: 'bar',
        data: data,
        options: {
          animation: false,
          responsive: true,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
                                               title: { display: true, text: yTitle } } }
        }
      });
    });
  }
})();
