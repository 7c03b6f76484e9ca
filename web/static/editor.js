// The structured editor of a framework (GET /admin/frameworks/{id}/edit; docs/web.md): forms for
// the framework's competency groups, competencies, tracks, levels, the behaviours a level
// expects in each competency and the requirements of a level, beside the YAML text.
// Progressive enhancement: without it the page is the YAML editor, and with it the YAML text
// stays what is saved. The editor holds the framework's JSON form (formats::WriteJson, read from
// the text by POST /api/v1/lint?canonical=json); after each edit (debounced) it sends that JSON
// to POST /api/v1/lint?canonical=yaml, shows the findings beside the fields they point at, and
// writes the canonical YAML it gets back into the form's text, which Save posts as before
// (POST /admin/frameworks/save). Keys the forms do not show (overlays, notes, policy, ...) are
// kept as they are.
(function () {
  'use strict';
  var form = document.querySelector('form.editor[data-structured]');
  var textarea = form && form.querySelector('#yaml');
  if (!form || !textarea || !window.fetch || !window.JSON || !window.CSS) return;
  var csrf = form.elements.csrf ? form.elements.csrf.value : '';
  var kinds = [];
  try { kinds = JSON.parse(form.getAttribute('data-rule-kinds') || '[]'); } catch (e) { kinds = []; }
  var trackKinds = ['core', 'ic', 'management', 'alternative', 'other'];

  var framework = null;   // the framework's JSON form, edited in place
  var lineMap = [];       // line of the JSON last sent -> path of the value written on it
  var findings = [];      // of the JSON last sent
  var problem = '';       // why the JSON last sent could not be read, or ''
  var changed = false;    // edited here since the text was read
  var timer = null;       // the pending check
  var inFlight = null;    // the check being answered (a promise)
  var sent = 0;           // checks sent, so that only the latest answer is shown
  var open = new WeakMap();  // the groups, competencies, tracks and levels shown unfolded
  var mode = 'form';

  // -- Building the page ------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function idOf(path) { return 'se-' + path.replace(/[^A-Za-z0-9_-]/g, '-'); }

  var modes = el('div', {class: 'editor-modes', role: 'group', 'aria-label': 'Edit the framework'}, [
    el('button', {type: 'button', 'data-mode': 'form', 'aria-pressed': 'true', text: 'Form'}),
    el('button', {type: 'button', 'data-mode': 'yaml', 'aria-pressed': 'false', text: 'YAML'})
  ]);
  var status = el('p', {class: 'editor-status', role: 'status', 'aria-live': 'polite'});
  var panel = el('div', {class: 'structured', id: 'structured'});
  var label = form.querySelector('label[for="yaml"]');
  form.insertBefore(modes, label);
  form.insertBefore(status, label);
  form.insertBefore(panel, label);

  // A text field (input or textarea) bound to obj[key], at `path`.
  function field(text, obj, key, path, options) {
    options = options || {};
    var id = idOf(path);
    var value = obj[key] === undefined || obj[key] === null ? '' : String(obj[key]);
    var input = options.multiline
      ? el('textarea', {id: id, rows: options.rows || 2, 'data-path': path})
      : el('input', {id: id, type: options.type || 'text', 'data-path': path,
                     inputmode: options.type === 'number' ? 'numeric' : null});
    input.value = value;
    input.addEventListener('input', function () {
      var v = input.value;
      if (options.number) v = v === '' ? undefined : (isFinite(Number(v)) ? Number(v) : v);
      if (v === undefined || (v === '' && options.optional)) delete obj[key];
      else obj[key] = v;
      if (options.onInput) options.onInput(v);
      edited();
    });
    if (options.onChange) input.addEventListener('change', function () { options.onChange(input); });
    return el('div', {class: 'se-field', 'data-field': path}, [
      el('label', {for: id, text: text}), input,
      el('p', {class: 'se-finding', id: id + '-finding', hidden: true})
    ]);
  }

  function select(text, value, choices, path, onChange) {
    var id = idOf(path);
    var s = el('select', {id: id, 'data-path': path}, choices.map(function (c) {
      return el('option', {value: c[0], text: c[1], selected: c[0] === value});
    }));
    s.addEventListener('change', function () { onChange(s.value); });
    return el('div', {class: 'se-field', 'data-field': path}, [
      el('label', {for: id, text: text}), s,
      el('p', {class: 'se-finding', id: id + '-finding', hidden: true})
    ]);
  }

  // Move up, move down and remove for list[i]; their names say `what` too (the visible words
  // first, so that a name spoken for voice control matches what is seen).
  function itemTools(list, i, path, what, after) {
    function tool(action, text, aria, disabled, run) {
      var b = el('button', {type: 'button', class: 'se-tool', 'data-key': action + ':' + path,
                            'aria-label': aria, disabled: disabled, text: text});
      b.addEventListener('click', run);
      return b;
    }
    var listPath = path.slice(0, path.lastIndexOf('.'));
    return el('div', {class: 'se-tools'}, [
      tool('up', 'Move up', 'Move up: ' + what, i === 0, function () {
        swap(list, i, i - 1, after);
        rerender('up:' + listPath + '.' + (i - 1), 'down:' + listPath + '.' + (i - 1));
      }),
      tool('down', 'Move down', 'Move down: ' + what, i === list.length - 1, function () {
        swap(list, i, i + 1, after);
        rerender('down:' + listPath + '.' + (i + 1), 'up:' + listPath + '.' + (i + 1));
      }),
      tool('remove', 'Remove', 'Remove: ' + what, false, function () {
        list.splice(i, 1);
        rerender('add:' + listPath);
      })
    ]);
  }
  function swap(list, a, b, after) {
    var t = list[a]; list[a] = list[b]; list[b] = t;
    if (after) after(a, b);
  }
  function addButton(text, listPath, run) {
    var b = el('button', {type: 'button', class: 'se-add', 'data-key': 'add:' + listPath, text: text});
    b.addEventListener('click', run);
    return b;
  }
  // A folded item: `item` (a group, competency, track or level) keeps whether it is unfolded
  // wherever it moves; its summary, label(), follows its name as it is typed.
  function section(path, item, label, children) {
    var summary = el('summary', {text: label()});
    var d = el('details', {class: 'se-item', 'data-path': path, open: open.get(item) === true},
               [summary].concat(children));
    d.addEventListener('toggle', function () { open.set(item, d.open); });
    d.addEventListener('input', function (event) {
      if (event.target.closest('details') === d) summary.textContent = label();
    });
    return d;
  }
  function nameOf(thing, fallback) {
    return String(thing.name || thing.title || thing.id || thing.code || '').trim() || fallback;
  }

  // -- The framework's parts ----------------------------------------------------------------

  function renderFramework() {
    var fw = framework.framework = framework.framework || {};
    return el('fieldset', {class: 'se-block', 'data-path': 'framework'}, [
      el('legend', {text: 'Framework'}),
      field('Name', fw, 'name', 'framework.name', {optional: true}),
      field('Version', fw, 'version', 'framework.version', {optional: true}),
      field('Id', fw, 'id', 'framework.id'),
      field('Description (Markdown)', fw, 'description', 'framework.description',
            {multiline: true, rows: 3, optional: true})
    ]);
  }

  function renderGroups() {
    var groups = framework.groups = framework.groups || [];
    var items = groups.map(function (g, i) {
      var path = 'groups.' + i;
      g.competencies = g.competencies || [];
      return section(path, g, function () { return 'Group: ' + nameOf(g, '(new group)'); }, [
        field('Id', g, 'id', path + '.id'),
        field('Name', g, 'name', path + '.name', {optional: true}),
        field('Description', g, 'description', path + '.description', {multiline: true, optional: true}),
        el('p', {class: 'hint', text: g.competencies.length
          ? 'Competencies: ' + g.competencies.join(', ') + ' (choose a competency\u2019s group below).'
          : 'No competencies yet: choose this group on a competency below.'}),
        itemTools(groups, i, path, 'group ' + nameOf(g, String(i + 1)))
      ]);
    });
    return el('section', {class: 'se-block', 'aria-labelledby': 'se-groups'}, [
      el('h2', {id: 'se-groups', text: 'Competency groups'}),
      groups.length ? null : el('p', {class: 'hint', text: 'This framework does not group its competencies.'})
    ].concat(items, [addButton('Add a group', 'groups', function () {
      groups.push({id: '', name: '', competencies: []});
      open.set(groups[groups.length - 1], true);
      rerender(null, null, 'groups.' + (groups.length - 1) + '.id');
    })]));
  }

  function groupOf(id) {
    var found = '';
    (framework.groups || []).forEach(function (g) {
      if ((g.competencies || []).indexOf(id) >= 0) found = g.id;
    });
    return found;
  }
  function setGroup(id, group) {
    (framework.groups || []).forEach(function (g) {
      g.competencies = (g.competencies || []).filter(function (c) { return c !== id; });
      if (group && g.id === group) g.competencies.push(id);
    });
  }
  // A competency's id changed: its expectations and its group follow it.
  function renameCompetency(before, after) {
    if (!before || before === after) return;
    (framework.groups || []).forEach(function (g) {
      g.competencies = (g.competencies || []).map(function (c) { return c === before ? after : c; });
    });
    eachLevel(function (level) {
      var e = level.expectations;
      if (!e || !(before in e) || (after in e)) return;
      var renamed = {};
      Object.keys(e).forEach(function (k) { renamed[k === before ? after : k] = e[k]; });
      level.expectations = renamed;
    });
  }
  function eachLevel(f) {
    (framework.tracks || []).forEach(function (t) { (t.levels || []).forEach(f); });
  }

  function renderCompetencies() {
    var list = framework.competencies = framework.competencies || [];
    var groups = framework.groups || [];
    var items = list.map(function (c, i) {
      var path = 'competencies.' + i;
      var children = [
        field('Id', c, 'id', path + '.id', {onChange: function (input) {
          var before = input.getAttribute('data-before');
          renameCompetency(before, c.id);
          input.setAttribute('data-before', c.id);
          // After the focus has moved on: the page is drawn again with the new id.
          setTimeout(function () { rerender(); edited(); }, 0);
        }}),
        field('Name', c, 'name', path + '.name', {optional: true}),
        field('Description', c, 'description', path + '.description', {multiline: true, optional: true})
      ];
      children[0].querySelector('input').setAttribute('data-before', c.id || '');
      if (groups.length) {
        children.push(select('Group', groupOf(c.id), [['', 'No group']].concat(groups.map(function (g) {
          return [g.id, nameOf(g, g.id)];
        })), path + '.group', function (value) { setGroup(c.id, value); edited(); }));
      }
      children.push(itemTools(list, i, path, 'competency ' + nameOf(c, String(i + 1))));
      return section(path, c, function () { return 'Competency: ' + nameOf(c, '(new competency)'); },
                     children);
    });
    return el('section', {class: 'se-block', 'aria-labelledby': 'se-competencies'}, [
      el('h2', {id: 'se-competencies', text: 'Competencies'})
    ].concat(items, [addButton('Add a competency', 'competencies', function () {
      list.push({id: '', name: ''});
      open.set(list[list.length - 1], true);
      rerender(null, null, 'competencies.' + (list.length - 1) + '.id');
    })]));
  }

  function renderTracks() {
    var tracks = framework.tracks = framework.tracks || [];
    var items = tracks.map(function (t, i) {
      var path = 'tracks.' + i;
      t.levels = t.levels || [];
      return section(path, t, function () { return 'Track: ' + nameOf(t, '(new track)'); }, [
        field('Id', t, 'id', path + '.id'),
        field('Name', t, 'name', path + '.name', {optional: true}),
        select('Kind', t.kind || 'other', trackKinds.map(function (k) { return [k, k]; }), path + '.kind',
               function (value) { t.kind = value; edited(); }),
        field('Description', t, 'description', path + '.description', {multiline: true, optional: true}),
        itemTools(tracks, i, path, 'track ' + nameOf(t, String(i + 1))),
        el('h3', {text: 'Levels of ' + nameOf(t, 'this track')})
      ].concat(t.levels.map(function (level, j) { return renderLevel(t, level, j, path + '.levels.' + j); }),
      [addButton('Add a level to ' + nameOf(t, 'this track'), path + '.levels', function () {
        var last = t.levels[t.levels.length - 1];
        t.levels.push({code: '', rank: last && typeof last.rank === 'number' ? last.rank + 1 : t.levels.length + 1,
                       title: ''});
        var p = path + '.levels.' + (t.levels.length - 1);
        open.set(t.levels[t.levels.length - 1], true);
        rerender(null, null, p + '.code');
      })]));
    });
    return el('section', {class: 'se-block', 'aria-labelledby': 'se-tracks'}, [
      el('h2', {id: 'se-tracks', text: 'Tracks and levels'})
    ].concat(items, [addButton('Add a track', 'tracks', function () {
      tracks.push({id: '', name: '', levels: []});
      open.set(tracks[tracks.length - 1], true);
      rerender(null, null, 'tracks.' + (tracks.length - 1) + '.id');
    })]));
  }

  function renderLevel(track, level, j, path) {
    function nameOfLevel() { return String(level.code || '') + (level.title ? ' ' + level.title : ''); }
    var name = nameOfLevel();
    // Levels keep their ranks in order when they move: the ranks stay where they were.
    function keepRanks(a, b) {
      var ra = track.levels[a].rank; track.levels[a].rank = track.levels[b].rank; track.levels[b].rank = ra;
    }
    return section(path, level, function () { return 'Level ' + (nameOfLevel().trim() || '(new level)'); }, [
      field('Code', level, 'code', path + '.code'),
      field('Rank', level, 'rank', path + '.rank', {type: 'number', number: true, optional: true}),
      field('Title', level, 'title', path + '.title', {optional: true}),
      field('Summary', level, 'summary', path + '.summary', {multiline: true, optional: true}),
      itemTools(track.levels, j, path, 'level ' + (name.trim() || String(j + 1)), keepRanks),
      renderExpectations(level, path),
      renderRequirements(level, path)
    ]);
  }

  // The behaviours of a cell: the shorthand is a list, the full form an object with behaviours.
  function behavioursOf(level, competency, create) {
    var e = level.expectations = level.expectations || {};
    var cell = e[competency];
    if (cell === undefined) {
      if (!create) return [];
      cell = [];
      var ordered = {};
      (framework.competencies || []).forEach(function (c) {
        if (c.id === competency) ordered[c.id] = cell;
        else if (c.id in e) ordered[c.id] = e[c.id];
      });
      Object.keys(e).forEach(function (k) { if (!(k in ordered)) ordered[k] = e[k]; });
      level.expectations = ordered;
      return cell;
    }
    if (Array.isArray(cell)) return cell;
    cell.behaviours = cell.behaviours || [];
    return cell.behaviours;
  }

  function renderExpectations(level, path) {
    var ids = (framework.competencies || []).map(function (c) { return c.id; }).filter(Boolean);
    Object.keys(level.expectations || {}).forEach(function (k) { if (ids.indexOf(k) < 0) ids.push(k); });
    var byId = {};
    (framework.competencies || []).forEach(function (c) { byId[c.id] = c; });
    return el('div', {class: 'se-expectations'}, [el('h4', {text: 'Behaviours expected'})].concat(ids.map(function (id) {
      var cpath = path + '.expectations.' + id;
      var list = behavioursOf(level, id, false);
      var cell = (level.expectations || {})[id];
      var bpath = cell && !Array.isArray(cell) ? cpath + '.behaviours' : cpath;
      var cname = byId[id] ? nameOf(byId[id], id) : id;
      return el('fieldset', {class: 'se-cell', 'data-path': cpath}, [
        el('legend', {text: cname || '(competency without an id)'})
      ].concat(list.map(function (b, k) {
        var holder = {v: b};
        var f = field('Behaviour ' + (k + 1) + ' in ' + cname, holder, 'v', bpath + '.' + k, {
          multiline: true, onInput: function (v) { list[k] = v; }
        });
        f.appendChild(itemTools(list, k, bpath + '.' + k, 'behaviour ' + (k + 1) + ' in ' + cname));
        return f;
      }), [addButton('Add a behaviour in ' + cname, bpath, function () {
        var l = behavioursOf(level, id, true);
        l.push('');
        var p = (Array.isArray(level.expectations[id]) ? cpath : cpath + '.behaviours') + '.' + (l.length - 1);
        rerender(null, null, p);
      })]));
    })));
  }

  function ruleKindOf(rule) {
    if (typeof rule === 'string') return rule;
    if (rule && typeof rule === 'object') return Object.keys(rule)[0] || 'manual';
    return 'manual';
  }
  function kindNamed(name) {
    return kinds.filter(function (k) { return k.name === name; })[0];
  }

  function renderRequirements(level, path) {
    var list = level.requirements = level.requirements || [];
    return el('div', {class: 'se-requirements'}, [el('h4', {text: 'Requirements to reach this level'})]
      .concat(list.map(function (r, k) {
        var rpath = path + '.requirements.' + k;
        var kind = ruleKindOf(r.rule);
        var known = kindNamed(kind);
        var choices = kinds.map(function (x) { return [x.name, x.name.replace(/_/g, ' ')]; });
        if (!known) choices.push([kind, kind]);
        var parts = [
          field('Requirement ' + (k + 1) + ' as written', r, 'text', rpath + '.text', {multiline: true}),
          select('Rule of requirement ' + (k + 1), kind, choices, rpath + '.rule', function (value) {
            var spec = kindNamed(value);
            if (!spec || (!spec.word && !spec.params.length)) r.rule = value;
            else if (spec.word) { r.rule = {}; r.rule[value] = spec.word; }
            else { r.rule = {}; r.rule[value] = {}; }
            rerender(null, null, rpath + '.rule');
          })
        ];
        if (known && known.params.length && r.rule && typeof r.rule === 'object') {
          var params = r.rule[kind] = r.rule[kind] && typeof r.rule[kind] === 'object' ? r.rule[kind] : {};
          known.params.forEach(function (p) {
            var ppath = rpath + '.rule.' + kind + '.' + p.name;
            if (p.type === 'boolean') {
              parts.push(select(p.name.replace(/_/g, ' '), params[p.name] === undefined ? '' : String(params[p.name]),
                                [['', 'default'], ['true', 'yes'], ['false', 'no']], ppath, function (v) {
                if (v === '') delete params[p.name]; else params[p.name] = v === 'true';
                edited();
              }));
            } else {
              var numeric = p.type === 'integer' || p.type === 'number';
              parts.push(field(p.name.replace(/_/g, ' ') + (p.required ? '' : ' (optional)'), params, p.name, ppath,
                               {type: numeric ? 'number' : 'text', number: numeric, optional: true}));
            }
          });
        }
        parts.push(itemTools(list, k, rpath, 'requirement ' + (k + 1)));
        return el('fieldset', {class: 'se-requirement', 'data-path': rpath},
                  [el('legend', {text: 'Requirement ' + (k + 1)})].concat(parts));
      }), [addButton('Add a requirement', path + '.requirements', function () {
        list.push({text: '', rule: 'manual'});
        rerender(null, null, path + '.requirements.' + (list.length - 1) + '.text');
      })]));
  }

  // -- Findings -------------------------------------------------------------------------------

  // The element that shows what is at `path`, or the nearest one that holds it.
  function holderOf(path) {
    for (var p = path; p; p = p.lastIndexOf('.') > 0 ? p.slice(0, p.lastIndexOf('.')) : '') {
      var node = panel.querySelector('[data-field="' + CSS.escape(p) + '"], [data-path="' + CSS.escape(p) + '"]');
      if (node) return node;
    }
    return null;
  }
  function reveal(node) {
    for (var d = node; d; d = d.parentElement) if (d.tagName === 'DETAILS') d.open = true;
  }

  function showFindings() {
    panel.querySelectorAll('.se-finding').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    panel.querySelectorAll('[aria-invalid]').forEach(function (n) {
      n.removeAttribute('aria-invalid');
      n.removeAttribute('aria-describedby');
    });
    panel.querySelectorAll('.se-note').forEach(function (n) { n.remove(); });
    var list = document.getElementById('se-findings');
    list.textContent = '';
    var shown = findings.slice();
    if (problem) shown.unshift({severity: 'error', code: 'invalid-document', message: problem, line: null});
    document.getElementById('se-findings-count').textContent = shown.length === 0
      ? 'No findings.' : shown.length === 1 ? '1 finding' : shown.length + ' findings';
    shown.forEach(function (f) {
      var path = f.path || (f.line ? lineMap[f.line] : '') || '';
      var node = path ? holderOf(path) : null;
      // A finding about a whole item (a duplicate code, a level without behaviours) is said
      // under its first field, its id or code, which opens it.
      if (node && node.tagName === 'DETAILS') node = node.querySelector('.se-field') || node;
      var text = f.severity + ': ' + f.message;
      var item = el('li', {class: 'sev-' + f.severity}, [el('code', {text: f.code}), ' ', text]);
      if (node) {
        var message = node.querySelector(':scope > .se-finding');
        var control = node.querySelector(':scope > input, :scope > textarea, :scope > select');
        if (message && control) {
          message.hidden = false;
          message.appendChild(el('span', {text: text}));
          control.setAttribute('aria-describedby', message.id);
          if (f.severity === 'error') control.setAttribute('aria-invalid', 'true');
        } else {
          var at = node.tagName === 'DETAILS' ? node.querySelector(':scope > summary') : node.firstElementChild;
          var note = el('p', {class: 'se-note se-finding-' + f.severity, text: text});
          if (at && at.nextSibling) at.parentNode.insertBefore(note, at.nextSibling);
          else node.appendChild(note);
        }
        var go = el('button', {type: 'button', class: 'se-go', text: 'Show'});
        go.addEventListener('click', function () {
          reveal(node);
          var target = node.querySelector('input, textarea, select, summary') || node;
          target.focus();
        });
        item.appendChild(document.createTextNode(' '));
        item.appendChild(go);
      }
      list.appendChild(item);
    });
  }

  // -- Rendering, checking, syncing the text ----------------------------------------------------

  // Draws the forms again from the framework, then focuses the first of: the button keyed
  // focusKey or fallbackKey, the field at focusPath, or what had the focus before.
  function rerender(focusKey, fallbackKey, focusPath) {
    var active = panel.contains(document.activeElement) ? document.activeElement : null;
    var activeKey = active && active.getAttribute('data-key');
    var activePath = active && active.getAttribute('data-path');
    panel.textContent = '';
    panel.appendChild(el('section', {class: 'se-block se-lint', 'aria-labelledby': 'se-findings-count'}, [
      el('h2', {id: 'se-findings-count', text: 'Checking\u2026'}),
      el('ul', {id: 'se-findings'})
    ]));
    panel.appendChild(renderFramework());
    panel.appendChild(renderGroups());
    panel.appendChild(renderCompetencies());
    panel.appendChild(renderTracks());
    showFindings();
    var target = null;
    [focusKey, fallbackKey].forEach(function (k) {
      if (!target && k) {
        var node = panel.querySelector('[data-key="' + CSS.escape(k) + '"]');
        if (node && !node.disabled) target = node;
      }
    });
    if (!target && focusPath) target = panel.querySelector('[data-path="' + CSS.escape(focusPath) + '"]');
    if (!target && activeKey) target = panel.querySelector('[data-key="' + CSS.escape(activeKey) + '"]');
    if (!target && activePath) target = panel.querySelector('[data-path="' + CSS.escape(activePath) + '"]');
    if (target) { reveal(target); target.focus(); }
    if (focusKey || fallbackKey || focusPath) edited();
  }

  // Writes `value` as JSON with every value on a line of its own (as JSON.stringify(v, null, 1)),
  // noting the path written on each line so that a finding's line points back to a field.
  function writeJson(value) {
    var out = [];
    var map = [null];
    function line(text, path) { out.push(text); map.push(path); }
    function write(v, path, depth, prefix, comma) {
      var pad = new Array(depth + 1).join(' ');
      var child = function (k) { return path ? path + '.' + k : String(k); };
      if (Array.isArray(v) && v.length) {
        line(pad + prefix + '[', path);
        v.forEach(function (x, i) { write(x, child(i), depth + 1, '', i < v.length - 1 ? ',' : ''); });
        line(pad + ']' + comma, path);
      } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
        var keys = Object.keys(v).filter(function (k) { return v[k] !== undefined; });
        line(pad + prefix + '{', path);
        keys.forEach(function (k, i) {
          write(v[k], child(k), depth + 1, JSON.stringify(k) + ': ', i < keys.length - 1 ? ',' : '');
        });
        line(pad + '}' + comma, path);
      } else {
        line(pad + prefix + JSON.stringify(v === undefined ? null : v) + comma, path);
      }
    }
    write(value, '', 0, '', '');
    return {text: out.join('\n') + '\n', lines: map};
  }

  function lint(body, canonical, type) {
    return fetch('/api/v1/lint?canonical=' + canonical, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': type, 'Accept': 'application/json', 'X-CSRF-Token': csrf},
      body: body
    }).then(function (response) {
      return response.json().then(function (answer) {
        answer.ok = response.ok;
        return answer;
      }, function () { return {ok: false, detail: 'the server answered ' + response.status}; });
    });
  }

  function edited() {
    changed = true;
    status.textContent = 'Checking\u2026';
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  // Sends the framework as JSON: findings, and the canonical YAML into the form's text.
  function check() {
    clearTimeout(timer);
    timer = null;
    var written = writeJson(framework);
    var mine = ++sent;
    inFlight = lint(written.text, 'yaml', 'application/json').then(function (answer) {
      if (mine !== sent) return;
      lineMap = written.lines;
      if (answer.ok) {
        problem = '';
        findings = answer.findings || [];
        if (changed && typeof answer.yaml === 'string') textarea.value = answer.yaml;
      } else {
        problem = answer.detail || answer.title || 'the framework could not be read';
        findings = [];
      }
      inFlight = null;
      showFindings();
      status.textContent = problem ? 'Not saved yet: ' + problem
        : changed ? 'Your changes are in the YAML text; save the draft to keep them.' : '';
    }, function () {
      if (mine !== sent) return;
      inFlight = null;
      problem = 'the server could not be reached to check the framework';
      status.textContent = 'Not saved yet: ' + problem + '.';
    });
    return inFlight;
  }

  // Reads the form's text into the forms (on load, and when coming back from the YAML text).
  function load() {
    status.textContent = 'Reading the framework\u2026';
    return lint(textarea.value, 'json', 'application/yaml').then(function (answer) {
      if (!answer.ok || !answer.framework) {
        status.textContent = 'The YAML text cannot be shown as forms: ' +
          (answer.detail || 'it could not be read') + '. Edit it as YAML.';
        setMode('yaml', true);
        return false;
      }
      framework = answer.framework;
      changed = false;
      rerender();
      check();
      return true;
    }, function () {
      status.textContent = 'The server could not be reached; edit the framework as YAML.';
      setMode('yaml', true);
      return false;
    });
  }

  function setMode(next, quiet) {
    mode = next;
    form.classList.toggle('mode-form', next === 'form');
    form.classList.toggle('mode-yaml', next === 'yaml');
    modes.querySelectorAll('button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-mode') === next));
    });
    if (!quiet) status.textContent = next === 'yaml' ? 'Editing the YAML text.' : '';
  }

  modes.addEventListener('click', function (event) {
    var b = event.target.closest('button[data-mode]');
    if (!b || b.getAttribute('data-mode') === mode) return;
    // The page opens in the mode chosen last.
    try { window.localStorage.setItem('ladder-editor-mode', b.getAttribute('data-mode')); } catch (e) { /* none */ }
    if (b.getAttribute('data-mode') === 'yaml') {
      // The text follows the forms once the last check is answered.
      var ready = timer ? check() : inFlight || Promise.resolve();
      ready.then(function () { setMode('yaml'); textarea.focus(); });
    } else {
      load().then(function (ok) { if (ok) setMode('form'); });
    }
  });

  // Saving (and the Check button) send the text: bring it up to date with the forms first.
  // A text the forms could not be turned into is never sent in their place.
  function refuseStale(event) {
    if (mode !== 'form' || !problem) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    status.textContent = 'Not sent: ' + problem + '. Correct it in the forms, or edit the YAML text.';
    return true;
  }
  form.addEventListener('submit', function (event) {
    if (mode !== 'form') return;
    if (!timer && !inFlight) { refuseStale(event); return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    var submitter = event.submitter;
    (timer ? check() : inFlight).then(function () {
      if (form.requestSubmit) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      else form.submit();
    });
  }, true);
  document.addEventListener('htmx:confirm', function (event) {
    if (mode !== 'form' || !form.contains(event.target)) return;
    if (!timer && !inFlight) { refuseStale(event); return; }
    event.preventDefault();
    (timer ? check() : inFlight).then(function () { if (!problem) event.detail.issueRequest(); });
  });

  // The mode chosen last time; the forms by default.
  var chosen = 'form';
  try { chosen = window.localStorage.getItem('ladder-editor-mode') || 'form'; } catch (e) { chosen = 'form'; }
  if (chosen === 'yaml') {
    setMode('yaml', true);
  } else {
    setMode('form', true);
    load();
  }
})();
