// relmap interactive handout. Reads the map's data from #relmap-data and builds every element
// with textContent: no data is ever parsed as markup. No framework, no network.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('relmap-data').textContent);
  var evidence = document.getElementById('evidence');
  var search = document.getElementById('search');
  var legend = document.getElementById('legend');
  var SVG = 'http://www.w3.org/2000/svg';
  var hidden = {};
  var hint = 'Click a line (or Tab to it and press Enter) to read the passages behind it; ' +
    'click an actor to list its relations.';

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
  function ends(r) { return actorName(r.from) + (r.directed ? ' → ' : ' — ') + actorName(r.to); }
  function shown(id) {
    var r = data.relations[id];
    return r && !hidden['dimension:' + r.dimension] && !hidden['tone:' + r.tone];
  }
  function lineOf(relationId) {
    var found = null;
    Object.keys(data.lines).forEach(function (line) {
      if (!found && data.lines[line].indexOf(relationId) >= 0) { found = line; }
    });
    return found;
  }
  // Everything drawn for a line: the line, its invisible wide hit area, its arrow head.
  function drawn(line) {
    return byAttr('data-relation', line).concat(byAttr('data-hit', line), byAttr('data-arrow-of', line));
  }
  // Text compared the way a reader types it: case and curly quotes do not matter.
  function fold(text) {
    return text.toLowerCase().replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u2033]/g, '"');
  }
  // `text` into `parent`, the parts matching the search `q` (folded) in bold.
  function withHits(parent, text, q) {
    if (!q) { parent.appendChild(document.createTextNode(text)); return; }
    var folded = fold(text);
    var at = 0;
    var i = folded.indexOf(q);
    while (i >= 0) {
      parent.appendChild(document.createTextNode(text.slice(at, i)));
      parent.appendChild(el('b', 'hit', text.slice(i, i + q.length)));
      at = i + q.length;
      i = folded.indexOf(q, at);
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // One passage in its whole sentence, the quoted words emphasised.
  function passageBlock(p, q) {
    var b = el('blockquote', 'passage');
    var before = el('span', 'ctx');
    var quote = el('mark');
    var after = el('span', 'ctx');
    withHits(before, p.before, q);
    withHits(quote, p.quote, q);
    withHits(after, p.after, q);
    b.appendChild(before);
    b.appendChild(quote);
    b.appendChild(after);
    var meta = [];
    if (p.grade) { meta.push(p.grade); }
    if (p.paragraph) { meta.push((p.page ? 'p. ' + p.page + ', ' : '') + '¶' + p.paragraph); }
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

  function relationBlock(id, into, heading, given) {
    var r = given || data.relations[id];
    if (!r) { return null; }
    var head = el(heading, null, ends(r) + ': ' + r.label);
    into.appendChild(head);
    into.appendChild(el('p', 'badges', [r.dimension, r.tone, plural(r.passages.length, 'passage'),
      plural(r.sources, 'source')].join(' · ')));
    r.passages.forEach(function (p) { into.appendChild(passageBlock(p, '')); });
    return head;
  }

  function mark(cls, nodes) {
    each(document.querySelectorAll('.' + cls), function (n) { n.classList.remove(cls); });
    nodes.forEach(function (n) { n.classList.add(cls); });
  }

  var current = null;
  function showLine(line) {
    var members = (data.lines[line] || []).filter(shown);
    clear(evidence);
    current = line;
    if (members.length > 1) {
      // A line standing for several relations: an index first, each entry jumping to its part.
      var r0 = data.relations[members[0]];
      evidence.appendChild(el('h2', null, actorName(r0.from) + ' — ' + actorName(r0.to) + ': ' +
        plural(members.length, 'relation')));
      var index = el('ul', 'relations');
      var items = members.map(function (id) {
        var r = data.relations[id];
        var item = el('li');
        var button = el('button', 'link', r.label + ' (' + r.dimension + ', ' +
          plural(r.passages.length, 'passage') + ')');
        button.type = 'button';
        item.appendChild(button);
        index.appendChild(item);
        return button;
      });
      evidence.appendChild(index);
      members.forEach(function (id, k) {
        var head = relationBlock(id, evidence, 'h3');
        items[k].addEventListener('click', function () { head.scrollIntoView(); });
      });
    } else {
      members.forEach(function (id) { relationBlock(id, evidence, 'h2'); });
    }
    mark('selected', drawn(line));
  }

  function showActor(actor) {
    clear(evidence);
    current = null;
    evidence.appendChild(el('h2', null, actorName(actor)));
    var entries = [];
    Object.keys(data.lines).forEach(function (line) {
      data.lines[line].forEach(function (id) {
        var r = data.relations[id];
        if (!r || !shown(id) || (r.from !== actor && r.to !== actor)) { return; }
        var other = r.from === actor ? r.to : r.from;
        entries.push({ line: line, text: actorName(other) + ': ' + r.label + ' (' +
          plural(r.passages.length, 'passage') + ')' });
      });
    });
    entries.sort(function (a, b) { return a.text < b.text ? -1 : (a.text > b.text ? 1 : 0); });
    var list = el('ul', 'relations');
    entries.forEach(function (e) {
      var item = el('li');
      var button = el('button', 'link', e.text);
      button.type = 'button';
      button.addEventListener('click', function () { showLine(e.line); });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!entries.length) { evidence.appendChild(el('p', 'hint', 'No relation of this actor is shown.')); }
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
  function hover(line, on) {
    if (!on) { mark('hovered', []); return; }
    var actors = [];
    (data.lines[line] || []).forEach(function (id) {
      var r = data.relations[id];
      if (r) { actors = actors.concat(byAttr('data-actor', r.from), byAttr('data-actor', r.to)); }
    });
    mark('hovered', drawn(line).concat(actors));
  }
  each(document.querySelectorAll('[data-relation]'), function (node) {
    var line = node.getAttribute('data-relation');
    var title = node.querySelector('title');
    var label = title ? title.textContent : line;
    activate(node, label + ' (open its passages)', function () { showLine(line); });
    node.addEventListener('mouseenter', function () { hover(line, true); });
    node.addEventListener('mouseleave', function () { hover(line, false); });
    // A wide invisible stroke over the line, so a click near it or in a dash's gap counts.
    var paths = node.tagName.toLowerCase() === 'path' ? [node] : node.querySelectorAll('path');
    each(paths, function (path) {
      var hit = document.createElementNS(SVG, 'path');
      hit.setAttribute('d', path.getAttribute('d'));
      hit.setAttribute('class', 'hit-area');
      hit.setAttribute('data-hit', line);
      hit.setAttribute('aria-hidden', 'true');
      hit.addEventListener('click', function () { showLine(line); });
      hit.addEventListener('mouseenter', function () { hover(line, true); });
      hit.addEventListener('mouseleave', function () { hover(line, false); });
      node.parentNode.insertBefore(hit, node.nextSibling);
    });
  });
  each(document.querySelectorAll('[data-actor]'), function (node) {
    var actor = node.getAttribute('data-actor');
    activate(node, actorName(actor) + ' (list its relations)', function () { showActor(actor); });
  });

  // Search: passages containing the words (case and curly quotes aside), each shown with the
  // words in bold; relations whose names match are listed too. Matching lines light up.
  search.addEventListener('input', function () {
    var typed = search.value.trim();
    var q = fold(typed);
    clear(evidence);
    current = null;
    if (!q) {
      mark('match', []);
      document.body.classList.remove('searching');
      evidence.appendChild(el('p', 'hint', hint));
      return;
    }
    var lit = [];
    var count = 0;
    var named = [];
    Object.keys(data.relations).forEach(function (id) {
      if (!shown(id)) { return; }
      var r = data.relations[id];
      var line = lineOf(id);
      var hits = r.passages.filter(function (p) {
        return fold(p.before + p.quote + p.after).indexOf(q) >= 0;
      });
      if (fold(ends(r) + ': ' + r.label).indexOf(q) >= 0) { named.push({ id: id, line: line }); }
      if (!hits.length) { return; }
      if (line) { lit = lit.concat(drawn(line)); }
      evidence.appendChild(el('h2', null, ends(r) + ': ' + r.label));
      hits.forEach(function (p) { evidence.appendChild(passageBlock(p, q)); count += 1; });
    });
    var summary = el('p', 'count', plural(count, 'passage') + ' contain “' + typed + '”');
    evidence.insertBefore(summary, evidence.firstChild);
    if (named.length) {
      var list = el('ul', 'relations');
      named.forEach(function (n) {
        var r = data.relations[n.id];
        var item = el('li');
        var button = el('button', 'link', ends(r) + ': ' + r.label);
        button.type = 'button';
        button.addEventListener('click', function () { if (n.line) { showLine(n.line); } });
        item.appendChild(button);
        list.appendChild(item);
        if (n.line) { lit = lit.concat(drawn(n.line)); }
      });
      evidence.insertBefore(list, summary.nextSibling);
      evidence.insertBefore(el('p', 'count', plural(named.length, 'relation') + ' named so:'), list);
    }
    document.body.classList.add('searching');
    mark('match', lit);
  });

  // Legend: a switch per policy field and tone shown; a line hides when every relation it
  // stands for is switched off, and the evidence leaves out what is off.
  function refreshHidden() {
    Object.keys(data.lines).forEach(function (line) {
      var off = !data.lines[line].some(shown);
      drawn(line).forEach(function (n) { n.style.display = off ? 'none' : ''; });
    });
    if (current) {
      if (data.lines[current].some(shown)) {
        showLine(current);
      } else {
        clear(evidence);
        current = null;
        evidence.appendChild(el('p', 'hint', hint));
        mark('selected', []);
      }
    }
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

  // The article(s), every cited passage marked; a mark opens the first shown relation quoting it.
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
          if (!run[1].length) { para.appendChild(document.createTextNode(run[0])); return; }
          var line = null;
          run[1].forEach(function (id) { line = line || lineOf(id); });
          var m = el('mark', line ? 'cited' : 'cited off-map', run[0]);
          if (line) {
            activate(m, 'Cited passage: open its relation', function () { showLine(line); });
          } else {
            m.title = 'Cited by a relation not shown in this map';
          }
          para.appendChild(m);
        });
        article.appendChild(para);
      });
    });
  });

  // The storyboard as a Story: a button per step; a step shows its title and caption, fades
  // the actors and lines outside its focus (one actor: its neighbourhood; two: the pair;
  // more: those actors and the relations among them) and opens its relation's passages.
  var storyNav = document.getElementById('story');
  function partners(actor) {
    var near = {};
    near[actor] = true;
    Object.keys(data.relations).forEach(function (id) {
      var r = data.relations[id];
      if (r.from === actor) { near[r.to] = true; }
      if (r.to === actor) { near[r.from] = true; }
    });
    return near;
  }
  function inStep(step, r, near) {
    var f = step.focus;
    if (!f.length) { return true; }
    if (f.length === 1) { return !!(near[r.from] && near[r.to]); }
    if (f.length === 2) {
      return (r.from === f[0] && r.to === f[1]) || (r.from === f[1] && r.to === f[0]);
    }
    return f.indexOf(r.from) >= 0 && f.indexOf(r.to) >= 0;
  }
  function showStep(n) {
    var step = data.story[n];
    var near = step.focus.length === 1 ? partners(step.focus[0]) : {};
    var kept = {};
    step.focus.forEach(function (a) { kept[a] = true; });
    Object.keys(data.lines).forEach(function (line) {
      var keep = data.lines[line].some(function (id) { return inStep(step, data.relations[id], near); });
      drawn(line).forEach(function (node) { node.classList.toggle('faded', !keep); });
      if (keep && step.focus.length === 1) {
        data.lines[line].forEach(function (id) {
          kept[data.relations[id].from] = true;
          kept[data.relations[id].to] = true;
        });
      }
    });
    each(document.querySelectorAll('[data-actor]'), function (node) {
      node.classList.toggle('faded', step.focus.length > 0 && !kept[node.getAttribute('data-actor')]);
    });
    each(storyNav.querySelectorAll('[data-step]'), function (b) {
      b.setAttribute('aria-current', Number(b.getAttribute('data-step')) === n + 1 ? 'step' : 'false');
    });
    var box = document.getElementById('story-step');
    clear(box);
    box.appendChild(el('h2', null, (n + 1) + '. ' + step.title));
    if (step.caption) { box.appendChild(el('p', 'caption', step.caption)); }
    var line = step.select ? lineOf(step.select) : null;
    if (line) {
      showLine(line);
      return;
    }
    clear(evidence);
    current = null;
    mark('selected', []);
    if (step.relation) {
      relationBlock(step.select, evidence, 'h2', step.relation);
    } else {
      evidence.appendChild(el('p', 'hint', hint));
    }
  }
  if (data.story.length) {
    storyNav.hidden = false;
    storyNav.appendChild(el('h2', null, 'Story'));
    var steps = el('ol', 'steps');
    data.story.forEach(function (step, n) {
      var item = el('li');
      var button = el('button', 'link', step.title);
      button.type = 'button';
      button.setAttribute('data-step', String(n + 1));
      button.addEventListener('click', function () { showStep(n); });
      item.appendChild(button);
      steps.appendChild(item);
    });
    storyNav.appendChild(steps);
    var stepBox = el('div');
    stepBox.id = 'story-step';
    stepBox.setAttribute('aria-live', 'polite');
    storyNav.appendChild(stepBox);
    var whole = el('button', 'link', 'Whole map');
    whole.type = 'button';
    whole.addEventListener('click', function () {
      each(document.querySelectorAll('.faded'), function (node) { node.classList.remove('faded'); });
      each(storyNav.querySelectorAll('[data-step]'), function (b) { b.setAttribute('aria-current', 'false'); });
      clear(stepBox);
    });
    storyNav.appendChild(whole);
  }

  // For print: every shown relation's passages after the map.
  var all = document.getElementById('all-evidence');
  all.appendChild(el('h2', 'print-heading', 'Every passage'));
  Object.keys(data.relations).forEach(function (id) { relationBlock(id, all, 'h3'); });
}());
