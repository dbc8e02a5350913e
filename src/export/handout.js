// relmap interactive handout. Reads the map's data from #relmap-data and builds every element
// with textContent: no data is ever parsed as markup. No framework, no network.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('relmap-data').textContent);
  var evidence = document.getElementById('evidence');
  var search = document.getElementById('search');
  var legend = document.getElementById('legend');
  var hidden = {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function byAttr(attr, value) {
    return Array.prototype.filter.call(document.querySelectorAll('[' + attr + ']'), function (n) {
      return n.getAttribute(attr) === value;
    });
  }
  function actorName(id) { return data.actors[id] || id; }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function lineOf(relationId) {
    var found = null;
    Object.keys(data.lines).forEach(function (line) {
      if (data.lines[line].indexOf(relationId) >= 0) { found = found || line; }
    });
    return found;
  }

  // One passage in its whole sentence, the quoted words emphasised.
  function passageBlock(p) {
    var b = el('blockquote', 'passage');
    b.appendChild(el('span', 'ctx', p.before));
    b.appendChild(el('mark', null, p.quote));
    b.appendChild(el('span', 'ctx', p.after));
    var meta = [];
    if (p.grade) { meta.push(p.grade); }
    if (p.paragraph) { meta.push('¶' + p.paragraph); }
    meta.push(p.date);
    // Each passage names its source shortly ("Weitz 2012"); the header cites it in full.
    var source = data.sources[p.source];
    if (source) { meta.push(source.short); }
    if (p.kind) { meta.push(p.kind); }
    if (p.status) { meta.push(p.status); }
    b.appendChild(el('div', 'meta', meta.join(' · ')));
    if (p.note) { b.appendChild(el('div', 'note', 'Note: ' + p.note)); }
    return b;
  }

  function relationBlock(id, into, heading) {
    var r = data.relations[id];
    if (!r) { return; }
    var arrow = r.directed ? ' → ' : ' — ';
    into.appendChild(el(heading, null, actorName(r.from) + arrow + actorName(r.to) + ': ' + r.label));
    into.appendChild(el('p', 'badges', [r.dimension, r.tone, plural(r.passages.length, 'passage'),
      plural(r.sources, 'source')].join(' · ')));
    r.passages.forEach(function (p) { into.appendChild(passageBlock(p)); });
  }

  function mark(cls, nodes) {
    each(document.querySelectorAll('.' + cls), function (n) { n.classList.remove(cls); });
    nodes.forEach(function (n) { n.classList.add(cls); });
  }

  function showLine(line) {
    var members = data.lines[line] || [];
    clear(evidence);
    members.forEach(function (id) { relationBlock(id, evidence, 'h2'); });
    mark('selected', byAttr('data-relation', line));
  }

  function showActor(actor) {
    clear(evidence);
    evidence.appendChild(el('h2', null, actorName(actor)));
    var list = el('ul', 'relations');
    Object.keys(data.lines).forEach(function (line) {
      data.lines[line].forEach(function (id) {
        var r = data.relations[id];
        if (!r || (r.from !== actor && r.to !== actor)) { return; }
        var item = el('li');
        var other = r.from === actor ? r.to : r.from;
        var button = el('button', 'link', actorName(other) + ': ' + r.label + ' (' +
          plural(r.passages.length, 'passage') + ')');
        button.type = 'button';
        button.addEventListener('click', function () { showLine(line); });
        item.appendChild(button);
        list.appendChild(item);
      });
    });
    if (!list.firstChild) { evidence.appendChild(el('p', 'hint', 'No relation of this actor is shown.')); }
    evidence.appendChild(list);
    mark('selected', byAttr('data-actor', actor));
  }

  // Lines and actors: clickable, reachable by Tab, Enter or Space to open.
  function activate(node, label, open) {
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    node.setAttribute('aria-label', label);
    node.addEventListener('click', open);
    node.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); }
    });
  }
  each(document.querySelectorAll('[data-relation]'), function (node) {
    var line = node.getAttribute('data-relation');
    var members = data.lines[line] || [];
    var first = data.relations[members[0]];
    var label = first ? actorName(first.from) + ' — ' + actorName(first.to) + ': ' + first.label : line;
    activate(node, label + ' (open its passages)', function () { showLine(line); });
    node.addEventListener('mouseenter', function () {
      var ends = [];
      members.forEach(function (id) {
        var r = data.relations[id];
        if (r) { ends = ends.concat(byAttr('data-actor', r.from), byAttr('data-actor', r.to)); }
      });
      mark('hovered', byAttr('data-relation', line).concat(ends));
    });
    node.addEventListener('mouseleave', function () { mark('hovered', []); });
  });
  each(document.querySelectorAll('[data-actor]'), function (node) {
    var actor = node.getAttribute('data-actor');
    activate(node, actorName(actor) + ' (list its relations)', function () { showActor(actor); });
  });

  // Search: passages, labels and actor names containing the words; matching lines light up.
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    clear(evidence);
    if (!q) {
      mark('match', []);
      document.body.classList.remove('searching');
      evidence.appendChild(el('p', 'hint', 'Click a line to read the passages behind it.'));
      return;
    }
    var lit = [];
    var count = 0;
    Object.keys(data.relations).forEach(function (id) {
      var r = data.relations[id];
      var head = (r.label + ' ' + actorName(r.from) + ' ' + actorName(r.to)).toLowerCase();
      var hits = r.passages.filter(function (p) {
        return head.indexOf(q) >= 0 || (p.before + p.quote + p.after).toLowerCase().indexOf(q) >= 0;
      });
      if (!hits.length) { return; }
      var line = lineOf(id);
      if (line) { lit = lit.concat(byAttr('data-relation', line)); }
      evidence.appendChild(el('h2', null, actorName(r.from) + ' — ' + actorName(r.to) + ': ' + r.label));
      hits.forEach(function (p) { evidence.appendChild(passageBlock(p)); count += 1; });
    });
    evidence.insertBefore(el('p', 'count', plural(count, 'passage') + ' match “' + search.value.trim() + '”'),
      evidence.firstChild);
    document.body.classList.add('searching');
    mark('match', lit);
  });

  // Legend: a switch per policy field and tone shown; a line hides when every relation it
  // stands for is switched off.
  function refreshHidden() {
    Object.keys(data.lines).forEach(function (line) {
      var off = data.lines[line].every(function (id) {
        var r = data.relations[id];
        return !r || hidden['dimension:' + r.dimension] || hidden['tone:' + r.tone];
      });
      byAttr('data-relation', line).forEach(function (n) { n.style.display = off ? 'none' : ''; });
    });
  }
  function legendGroup(title, key) {
    var values = [];
    Object.keys(data.relations).forEach(function (id) {
      var v = data.relations[id][key];
      if (values.indexOf(v) < 0) { values.push(v); }
    });
    values.sort();
    var group = el('fieldset');
    group.appendChild(el('legend', null, title));
    values.forEach(function (v) {
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.addEventListener('change', function () {
        hidden[key + ':' + v] = !box.checked;
        refreshHidden();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + v));
      group.appendChild(label);
    });
    legend.appendChild(group);
  }
  legendGroup('Policy field', 'dimension');
  legendGroup('Tone', 'tone');

  // The article(s), every cited passage marked; a mark opens its relation.
  var article = document.getElementById('article');
  var reader = document.getElementById('read-article');
  reader.addEventListener('click', function () {
    var open = article.hidden;
    article.hidden = !open;
    reader.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open || article.firstChild) { return; }
    data.sources.forEach(function (source) {
      article.appendChild(el('h2', null, source.citation));
      source.paragraphs.forEach(function (runs, i) {
        var para = el('p');
        para.appendChild(el('span', 'para-number', '¶' + (i + 1) + ' '));
        runs.forEach(function (run) {
          if (!run[1]) { para.appendChild(document.createTextNode(run[0])); return; }
          var m = el('mark', 'cited', run[0]);
          var line = lineOf(run[1]);
          if (line) {
            activate(m, 'Cited passage: open its relation', function () { showLine(line); });
          }
          para.appendChild(m);
        });
        article.appendChild(para);
      });
    });
  });

  // For print: every shown relation's passages after the map.
  var all = document.getElementById('all-evidence');
  all.appendChild(el('h2', 'print-heading', 'Every passage'));
  Object.keys(data.relations).forEach(function (id) { relationBlock(id, all, 'h3'); });
}());
