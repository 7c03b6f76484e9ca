// Search in the static site: reads window.ladderSearchIndex (search-index.js) and lists the
// entries in which every word of the query occurs. Results are built with DOM text nodes, never
// with innerHTML, so indexed text cannot become markup.
(function () {
  'use strict';
  var index = window.ladderSearchIndex || [];
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  var root = (document.querySelector('link[rel="stylesheet"]').getAttribute('href') || '')
    .replace(/static\/ladder\.css$/, '');

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (cls) e.className = cls;
    return e;
  }

  // Case and accents folded, as the server folds them without a language: "Équipe" -> "equipe".
  function fold(s) {
    return s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').toLowerCase();
  }

  function snippet(text, word) {
    var p = el('p', '', 'snippet');
    var folded = fold(text);
    // Positions in the folded text are the text's own when folding kept its length.
    var at = folded.length === text.length ? folded.indexOf(word) : -1;
    if (at < 0) { p.appendChild(document.createTextNode(text.slice(0, 160))); return p; }
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, at + word.length + 80);
    p.appendChild(document.createTextNode((start > 0 ? '… ' : '') + text.slice(start, at)));
    p.appendChild(el('mark', text.slice(at, at + word.length)));
    p.appendChild(document.createTextNode(text.slice(at + word.length, end) +
                                          (end < text.length ? ' …' : '')));
    return p;
  }

  function run(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!words.length) return;
    var hits = index.filter(function (e) {
      var hay = fold(e.title + '\n' + e.text);
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    }).slice(0, 50);
    var found = hits.length + (hits.length === 1 ? ' result' : ' results');
    results.appendChild(el('p', hits.length ? found + ' for “' + query + '”.'
                                            : 'Nothing matches “' + query + '”.', 'count'));
    var list = el('ol', '', 'hits');
    hits.forEach(function (h) {
      var li = el('li', '', 'hit');
      var a = el('a', h.title);
      // Index URLs are site-relative paths written by Ladder; refuse anything with a scheme.
      a.setAttribute('href', /^[a-z][a-z0-9+.-]*:/i.test(h.url) ? '#' : root + h.url);
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', h.kind.replace(/_/g, ' '), 'kind'));
      li.appendChild(el('p', h.context, 'context'));
      li.appendChild(snippet(h.text, words[0]));
      list.appendChild(li);
    });
    results.appendChild(list);
  }

  var query = new URLSearchParams(window.location.search).get('q') || '';
  if (input) {
    input.value = query;
    input.addEventListener('input', function () { run(input.value); });
  }
  run(query);
})();
