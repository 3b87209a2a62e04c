/* Satchel's search box and search page.
 *
 * The index is a set of plain scripts in search/ written at build time (see SearchBundle.swift): each
 * stores its data on self.SatchelSearchIndex when loaded with a <script> element, which browsers allow
 * from file:// where fetch, modules and WASM are refused. Only the files a query needs are loaded: the
 * meta file, the postings files of its terms, the dictionary file of a word being completed or misspelt,
 * and the documents files of the results shown.
 *
 * Matching and ranking follow SearchQuery.swift step by step; keep the two in step. Text reaches the
 * page only as DOM text nodes, never as HTML. */
(function () {
  "use strict";

  var GLOBAL = "SatchelSearchIndex";
  var MINIMUM_COMPLETION_LENGTH = 3;
  var MAXIMUM_COMPLETIONS = 10;
  var MINIMUM_TYPO_LENGTH = 5;
  var MAXIMUM_TYPO_CANDIDATES = 10;
  var QUALITY = { exact: 10, completion: 9, typo: 6, compound: 5 };
  var DROPDOWN_RESULTS = 8;
  var PAGE_RESULTS = 20;
  var SNIPPET_WORDS = 26;

  var form = document.querySelector("form.site-search[data-root]");
  var input = form && form.querySelector('input[type="search"]');
  var list = document.getElementById("search-results");
  var panel = list && list.closest("[data-search-panel]");
  if (!form || !input || !list || !panel) return;

  var root = form.getAttribute("data-root") || "";
  var isPage = panel.hasAttribute("data-page");
  var status = panel.querySelector(".search-status");
  var filters = panel.querySelector(".search-filters");
  var more = panel.querySelector(".search-more");
  var allLink = panel.querySelector(".search-all a");
  var store = (self[GLOBAL] = self[GLOBAL] || {});
  var loading = {};

  /* Loading index files */

  function load(name) {
    if (store[name]) return Promise.resolve(store[name]);
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + "search/" + name + ".js";
        script.onload = function () {
          if (store[name]) resolve(store[name]);
          else reject(new Error("search index file " + script.src + " holds no data"));
        };
        script.onerror = function () {
          delete loading[name];
          reject(new Error("cannot load search index file " + script.src));
        };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function meta() {
    return load("meta");
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* The last index whose first value is not ordered after `key`. */
  function fileFor(key, firsts) {
    var low = 0, high = firsts.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (key < firsts[middle]) high = middle; else low = middle + 1;
    }
    return Math.max(0, low - 1);
  }

  function lowerBound(sorted, key) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < key) low = middle + 1; else high = middle;
    }
    return low;
  }

  /* The postings of a term as stored, [gap, score, gap, score, …], or null if the term is not indexed. */
  function postings(info, term) {
    return load("postings-" + fileFor(term, info.postings)).then(function (file) {
      return has(file, term) ? file[term] : null;
    });
  }

  function dictionaryKey(term) {
    return /^[a-z0-9]/.test(term) ? term[0] : "_";
  }

  /* Terms starting with the same UTF-16 unit as `word`, with their document counts, in term order. */
  function sameFirstUnit(info, word) {
    var key = dictionaryKey(word);
    if (info.dictionary.indexOf(key) < 0) return Promise.resolve([]);
    return load("terms-" + key).then(function (file) {
      var found = [];
      for (var i = 0; i < file.terms.length; i++) {
        if (file.terms[i].charCodeAt(0) === word.charCodeAt(0)) found.push({ term: file.terms[i], count: file.counts[i] });
      }
      return found;
    });
  }

  function completions(info, word) {
    var key = dictionaryKey(word);
    if (info.dictionary.indexOf(key) < 0) return Promise.resolve([]);
    return load("terms-" + key).then(function (file) {
      var found = [];
      for (var i = lowerBound(file.terms, word); i < file.terms.length && file.terms[i].startsWith(word); i++) {
        if (file.terms[i] !== word) found.push({ term: file.terms[i], count: file.counts[i] });
      }
      return found;
    });
  }

  /* Text */

  /* Normalised words and compounds, as SearchText.split does. */
  function split(text) {
    var folded = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\u03c2/g, "\u03c3");
    var words = [], compounds = [], run = "", runLength = 0, end = -1, match;
    var pattern = /[\p{L}\p{N}]+/gu;
    while ((match = pattern.exec(folded))) {
      var gap = end < 0 ? "" : folded.slice(end, match.index);
      var joins = end >= 0 && Array.from(gap).length === 1 && !/\s/u.test(gap);
      if (joins && runLength > 0) {
        run += match[0];
        runLength += 1;
      } else {
        if (runLength > 1) compounds.push(run);
        run = match[0];
        runLength = 1;
      }
      words.push(match[0]);
      end = match.index + match[0].length;
    }
    if (runLength > 1) compounds.push(run);
    return { words: words, compounds: compounds };
  }

  var folded = new Map();

  /* A run of letters, digits and marks of page text as an index term; ASCII needs no Unicode work. */
  function fold(word) {
    if (/^[\x00-\x7f]+$/.test(word)) return word.toLowerCase();
    if (!folded.has(word)) folded.set(word, split(word).words.join(""));
    return folded.get(word);
  }

  /* Optimal string alignment distance, or limit + 1 once it must exceed limit (SearchQuery.editDistance). */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    if (!a.length || !b.length) return Math.max(a.length, b.length);
    var previous2 = new Array(b.length + 1).fill(0), previous = [], current = new Array(b.length + 1).fill(0);
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current[0] = i;
      var rowMinimum = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
          current[j] = Math.min(current[j], previous2[j - 2] + 1);
        }
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (rowMinimum > limit) return limit + 1;
      var spare = previous2;
      previous2 = previous;
      previous = current;
      current = spare;
    }
    return Math.min(previous[b.length], limit + 1);
  }

  function mostFrequent(candidates, limit) {
    return candidates
      .map(function (candidate, position) { return { term: candidate.term, count: candidate.count, position: position }; })
      .sort(function (a, b) { return a.count !== b.count ? b.count - a.count : a.position - b.position; })
      .slice(0, limit)
      .map(function (candidate) { return candidate.term; });
  }

  /* Queries */

  function parse(text) {
    var parts = split(text), seen = new Set();
    var words = parts.words.filter(function (word) { return !seen.has(word) && seen.add(word); });
    var compounds = parts.compounds.filter(function (word) { return !seen.has(word) && seen.add(word); });
    var last = parts.words[parts.words.length - 1];
    var completing = /[\p{L}\p{N}\p{M}]$/u.test(text) && last && last.length >= MINIMUM_COMPLETION_LENGTH ? last : null;
    return { text: text, words: words, compounds: compounds, completing: completing };
  }

  /* The terms a word stands for, best first (SearchQuery.expansions). */
  async function expansions(info, query, word) {
    var found = [];
    // The dictionary file is needed for completions, and for typos if the word is not indexed: load it
    // while the word's postings load rather than after.
    var key = dictionaryKey(word);
    if ((word === query.completing || word.length >= MINIMUM_TYPO_LENGTH) && info.dictionary.indexOf(key) >= 0) {
      load("terms-" + key).catch(function () {});
    }
    var exact = await postings(info, word);
    if (exact) found.push({ term: word, quality: QUALITY.exact, postings: exact });
    if (word === query.completing) {
      mostFrequent(await completions(info, word), MAXIMUM_COMPLETIONS).forEach(function (term) {
        found.push({ term: term, quality: QUALITY.completion });
      });
    }
    if (!found.length && word.length >= MINIMUM_TYPO_LENGTH) {
      var candidates = (await sameFirstUnit(info, word)).filter(function (candidate) {
        return editDistance(word, candidate.term, 1) === 1;
      });
      mostFrequent(candidates, MAXIMUM_TYPO_CANDIDATES).forEach(function (term) {
        found.push({ term: term, quality: QUALITY.typo });
      });
    }
    await Promise.all(found.map(async function (expansion) {
      if (!expansion.postings) expansion.postings = await postings(info, expansion.term);
    }));
    return found;
  }

  /* Matching documents best first, with the terms that matched (SearchQuery.run). Scores live in typed
   * arrays indexed by document number, and the order is one numeric sort of keys that pack words matched,
   * score and document, which keeps a query matching every page of a large site within a few milliseconds. */
  async function run(info, query) {
    var perWord = await Promise.all(query.words.map(function (word) { return expansions(info, query, word); }));
    var count = info.documents;
    var best = new Float64Array(count), inBest = new Uint8Array(count);
    var wordsMatched = new Uint8Array(count), totals = new Float64Array(count);
    var touched = [], matched = [];
    perWord.forEach(function (found) {
      var documents = [];
      found.forEach(function (expansion) {
        matched.push(expansion.term);
        var encoded = expansion.postings || [], document = 0;
        for (var i = 0; i < encoded.length; i += 2) {
          document += encoded[i];
          var score = encoded[i + 1] * expansion.quality;
          if (!inBest[document]) { inBest[document] = 1; documents.push(document); best[document] = score; }
          else if (score > best[document]) best[document] = score;
        }
      });
      documents.forEach(function (document) {
        if (!wordsMatched[document]) touched.push(document);
        wordsMatched[document] = Math.min(255, wordsMatched[document] + 1);
        totals[document] += best[document];
        inBest[document] = 0;
      });
    });
    var matching = touched.filter(function (document) { return wordsMatched[document] === query.words.length; });
    if (!matching.length) matching = touched;
    var isMatching = new Uint8Array(count);
    matching.forEach(function (document) { isMatching[document] = 1; });
    var compoundPostings = await Promise.all(query.compounds.map(function (compound) { return postings(info, compound); }));
    compoundPostings.forEach(function (encoded) {
      if (!encoded) return;
      for (var i = 0, document = 0; i < encoded.length; i += 2) {
        document += encoded[i];
        if (isMatching[document]) totals[document] += encoded[i + 1] * QUALITY.compound;
      }
    });
    // Key: words matched (8 bits), score (24 bits), then 2^21 - 1 - document (21 bits), so a descending
    // numeric sort gives more words, then higher score, then lower document first.
    var keys = new Float64Array(matching.length);
    matching.forEach(function (document, position) {
      keys[position] = wordsMatched[document] * 35184372088832 + Math.min(totals[document], 16777215) * 2097152 + (2097151 - document);
    });
    keys.sort();
    var results = new Int32Array(keys.length);
    for (var i = 0; i < keys.length; i++) results[i] = 2097151 - (keys[keys.length - 1 - i] % 2097152);
    return { results: results, matched: new Set(matched.concat(query.compounds)), expansions: perWord };
  }

  /* The query with each unmatched word replaced by its closest indexed term (SearchQuery.suggestion). */
  async function suggestion(info, query, perWord) {
    var replaced = false;
    var words = await Promise.all(query.words.map(async function (word, position) {
      if (perWord[position].length) return word;
      var allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
      var best = null;
      (await sameFirstUnit(info, word)).forEach(function (candidate) {
        var distance = editDistance(word, candidate.term, allowed);
        if (distance > allowed) return;
        if (!best || distance < best.distance || (distance === best.distance && candidate.count > best.count)) {
          best = { term: candidate.term, distance: distance, count: candidate.count };
        }
      });
      if (!best) return word;
      replaced = true;
      return best.term;
    }));
    return replaced ? words.join(" ") : null;
  }

  function kindOf(info, document) {
    for (var i = 0; i < info.kinds.length; i++) {
      if (document >= info.kinds[i].start && document < info.kinds[i].end) return i;
    }
    return -1;
  }

  function documentEntry(info, document) {
    var file = fileFor(document, info.docs);
    return load("docs-" + file).then(function (entries) { return entries[document - info.docs[file]]; });
  }

  /* Rendering */

  function searchURL(text, kind) {
    var url = root + "search/index.html";
    var parameters = [];
    if (text) parameters.push("q=" + encodeURIComponent(text));
    if (kind) parameters.push("kind=" + encodeURIComponent(kind));
    return parameters.length ? url + "?" + parameters.join("&") : url;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.appendChild(document.createTextNode(text));
    return node;
  }

  /* Appends `text` to `parent`, wrapping words whose normalised form matched in <mark>. */
  function appendHighlighted(parent, text, matched) {
    var pattern = /[\p{L}\p{N}\p{M}]+/gu, last = 0, match;
    while ((match = pattern.exec(text))) {
      if (!matched.has(fold(match[0]))) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(element("mark", null, match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* The stretch of `text` with the most matched words, about SNIPPET_WORDS words long. */
  function snippet(text, matched) {
    var words = [], pattern = /[\p{L}\p{N}\p{M}]+/gu, match;
    while ((match = pattern.exec(text))) words.push({ start: match.index, end: match.index + match[0].length, hit: matched.has(fold(match[0])) });
    if (!words.length) return text;
    var best = 0, bestHits = -1, hits = 0;
    for (var i = 0; i < words.length; i++) {
      if (words[i].hit) hits++;
      if (i >= SNIPPET_WORDS && words[i - SNIPPET_WORDS].hit) hits--;
      var start = Math.max(0, i - SNIPPET_WORDS + 1);
      if (hits > bestHits) { bestHits = hits; best = start; }
    }
    // Start a few words before the window's first match, so the match reads in context.
    var firstHit = best;
    while (firstHit < words.length - 1 && bestHits > 0 && !words[firstHit].hit) firstHit++;
    var first = Math.max(0, firstHit - (bestHits > 0 ? 3 : 0));
    var last = Math.min(words.length - 1, first + SNIPPET_WORDS - 1);
    var from = first === 0 ? 0 : words[first].start;
    var to = last === words.length - 1 ? text.length : words[last].end;
    return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
  }

  function resultItem(info, entry, matched, position) {
    var kind = info.kinds[entry[1]];
    var item = element("li", "search-result");
    var link = element("a");
    link.id = "search-result-" + position;
    link.href = root + entry[0];
    link.appendChild(element("span", "search-kind", kind.singular));
    var title = element("span", "search-title");
    appendHighlighted(title, entry[2], matched);
    link.appendChild(title);
    var text = element("span", "search-snippet");
    appendHighlighted(text, snippet(entry[4] || entry[3], matched), matched);
    link.appendChild(text);
    item.appendChild(link);
    return item;
  }

  var state = { text: "", kind: "", shown: 0, generation: 0, outcome: null };

  function setStatus(parts) {
    while (status.firstChild) status.removeChild(status.firstChild);
    parts.forEach(function (part) { status.appendChild(typeof part === "string" ? document.createTextNode(part) : part); });
  }

  function renderFilters(info, outcome) {
    while (filters.firstChild) filters.removeChild(filters.firstChild);
    if (!outcome.results.length) return;
    var counts = info.kinds.map(function () { return 0; });
    outcome.results.forEach(function (document) { counts[kindOf(info, document)]++; });
    var choices = [{ name: "", label: "All", count: outcome.results.length }];
    info.kinds.forEach(function (kind, position) {
      if (counts[position]) choices.push({ name: kind.name, label: kind.plural, count: counts[position] });
    });
    choices.forEach(function (choice) {
      var button = element("button", "search-filter", choice.label + " ");
      button.type = "button";
      button.setAttribute("data-kind", choice.name);
      button.setAttribute("aria-pressed", String(choice.name === state.kind));
      button.appendChild(element("span", "count", String(choice.count)));
      button.addEventListener("click", function () { chooseKind(choice.name); });
      filters.appendChild(button);
    });
  }

  function visibleResults(info) {
    var kind = info.kinds.findIndex(function (candidate) { return candidate.name === state.kind; });
    if (kind < 0) return state.outcome.results;
    var range = info.kinds[kind];
    return state.outcome.results.filter(function (document) { return document >= range.start && document < range.end; });
  }

  /* Appends results up to `count` of the visible ones. */
  async function showResults(info, count, generation) {
    var visible = visibleResults(info);
    var slice = Array.from(visible.slice(state.shown, count));
    var entries = await Promise.all(slice.map(function (document) { return documentEntry(info, document); }));
    if (generation !== state.generation) return;
    var fragment = document.createDocumentFragment();
    entries.forEach(function (entry, position) {
      fragment.appendChild(resultItem(info, entry, state.outcome.matched, state.shown + position));
    });
    list.appendChild(fragment);
    state.shown += slice.length;
    if (more) more.hidden = state.shown >= visible.length;
  }

  async function render(info, generation) {
    var outcome = state.outcome;
    list.replaceChildren();
    state.shown = 0;
    if (more) more.hidden = true;
    if (allLink) allLink.href = searchURL(state.text, state.kind);
    renderFilters(info, outcome);
    if (!outcome.results.length) {
      var parts = ["No results for \u201c" + state.text.trim() + "\u201d."];
      var suggested = await suggestion(info, parse(state.text), outcome.expansions);
      if (generation !== state.generation) return;
      if (suggested) {
        var link = element("a", "search-suggestion", suggested);
        link.href = searchURL(suggested, "");
        parts.push(" Did you mean ", link, "?");
      } else {
        parts.push(" Try fewer or other words.");
      }
      setStatus(parts);
      return;
    }
    var visible = visibleResults(info);
    var kindLabel = state.kind && visible.length !== outcome.results.length ? " (" + visible.length + " shown)" : "";
    setStatus([outcome.results.length + (outcome.results.length === 1 ? " result" : " results") + " for \u201c" + state.text.trim() + "\u201d" + kindLabel]);
    await showResults(info, isPage ? PAGE_RESULTS : DROPDOWN_RESULTS, generation);
  }

  async function search(text) {
    var generation = ++state.generation;
    state.text = text;
    var query = parse(text);
    if (!query.words.length) {
      state.outcome = null;
      list.replaceChildren();
      while (filters.firstChild) filters.removeChild(filters.firstChild);
      if (more) more.hidden = true;
      setStatus(isPage ? ["Type in the search box to search every page."] : []);
      if (!isPage) panel.hidden = true;
      return;
    }
    var info = await meta();
    var outcome = await run(info, query);
    if (generation !== state.generation) return;
    state.outcome = outcome;
    if (!isPage) panel.hidden = false;
    await render(info, generation);
  }

  function report(error) {
    setStatus(["Search is unavailable: " + error.message]);
    if (!isPage) panel.hidden = false;
    throw error;
  }

  function chooseKind(kind) {
    state.kind = kind;
    if (isPage) history.pushState(null, "", searchURL(state.text, kind));
    meta().then(function (info) { return render(info, state.generation); }).catch(report);
  }

  /* Events */

  input.addEventListener("input", function () {
    if (isPage) history.replaceState(null, "", searchURL(input.value, state.kind));
    search(input.value).catch(report);
  });

  input.addEventListener("focus", function () {
    meta().catch(function () {});
    if (!isPage && state.outcome && input.value.trim()) panel.hidden = false;
  });

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  form.addEventListener("keydown", function (event) {
    var links = resultLinks();
    var position = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(position + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && position >= 0) {
      event.preventDefault();
      if (position === 0) input.focus(); else links[position - 1].focus();
    } else if (event.key === "Escape" && !isPage) {
      panel.hidden = true;
      input.focus();
    }
  });

  if (isPage) {
    panel.addEventListener("keydown", function (event) {
      var links = resultLinks();
      var position = links.indexOf(document.activeElement);
      if (position < 0) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        links[Math.min(position + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (position === 0) input.focus(); else links[position - 1].focus();
      }
    });
    if (more) {
      more.addEventListener("click", function () {
        meta().then(function (info) { return showResults(info, state.shown + PAGE_RESULTS, state.generation); }).catch(report);
      });
    }
  } else {
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) panel.hidden = true;
    });
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) panel.hidden = true;
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  /* The search page shows what its address asks for, also after reload and on back and forward. */
  function fromAddress() {
    var parameters = new URLSearchParams(location.search);
    input.value = parameters.get("q") || "";
    state.kind = parameters.get("kind") || "";
    search(input.value).catch(report);
  }

  if (isPage) {
    window.addEventListener("popstate", fromAddress);
    fromAddress();
  }
})();
