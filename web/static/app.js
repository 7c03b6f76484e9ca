// Progressive enhancement for the pages of the web app (growth, team, reviews, administration);
// every page works without it.
// - charts: [data-radar] (ratings per competency against the expectations of a level and the
//   next) and [data-bars] (a team's level distribution), drawn with Chart.js when it is loaded;
// - the YAML editor's Check button is answered in place by htmx (hx-post), without a reload;
// - a form larger than the server takes (meta ladder-form-limits) is not sent: the page says
//   so and keeps what was typed.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="ladder-form-limits"]');
  if (!meta || !window.FormData || !window.TextEncoder) return;
  var limits = {};
  meta.content.split(' ').forEach(function (kv) {
    var parts = kv.split('=');
    limits[parts[0]] = Number(parts[1]);
  });
  var encoder = new TextEncoder();
  function megabytes(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.ceil(n / 1024) + ' KB';
  }
  // What is wrong with sending `form`, or '' when it fits.
  function tooLarge(form) {
    var data = new FormData(form);
    var body = 0;
    var widest = 0;
    data.forEach(function (value, name) {
      var size = typeof value === 'string' ? encoder.encode(value).length : value.size;
      widest = Math.max(widest, size);
      // Percent-encoding grows text; a file goes as it is in a multipart body.
      body += encoder.encode(name).length + 2 +
        (typeof value === 'string' ? encodeURIComponent(value).length : size + 200);
    });
    if (limits.body && body > limits.body) {
      return 'this form is ' + megabytes(body) + ' and the server takes at most ' +
        megabytes(limits.body);
    }
    if (limits.field && widest > limits.field) {
      return 'one of its fields is ' + megabytes(widest) + ' and the server takes at most ' +
        megabytes(limits.field) + ' per field';
    }
    return '';
  }
  function refuse(form, why) {
    var note = form.previousElementSibling;
    if (!note || !note.classList.contains('form-too-large')) {
      note = document.createElement('p');
      note.className = 'flash flash-error form-too-large';
      note.setAttribute('role', 'alert');
      form.parentNode.insertBefore(note, form);
    }
    note.textContent = 'Not sent: ' + why + '. What you typed is still here; shorten it, or ' +
      'use the command line (ladder load), which has no such limit.';
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || (form.method || '').toLowerCase() !== 'post') return;
    var why = tooLarge(form);
    if (why) {
      event.preventDefault();
      refuse(form, why);
    }
  }, true);
  // Buttons that htmx answers in place send the form too.
  document.addEventListener('htmx:confirm', function (event) {
    var form = event.target && event.target.closest && event.target.closest('form');
    var why = form ? tooLarge(form) : '';
    if (why) {
      event.preventDefault();
      refuse(form, why);
    }
  });
})();

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
