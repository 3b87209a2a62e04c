/* Satchel comparison tables, as progressive enhancement: every table is complete HTML without this file.
 * - Column headers of comparison tables and of Markdown tables become sort buttons (aria-sort kept right).
 * - A kind's comparison page gets a filter box, facet filters, column choice, and keeps that state in the URL.
 * - Selection forms (listing and comparison pages) allow 2 to 4 entries and link to the side-by-side page.
 * - The side-by-side page loads the entity titles and its kind's data with <script> elements (fetch() is refused on file://).
 * Content only ever becomes text nodes and attributes; nothing is parsed as HTML. */
(function () {
  "use strict";

  var MIN_SELECTED = 2;
  var MAX_SELECTED = 4;
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function element(name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function setURL(query) {
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname.split("/").pop());
    } catch (error) {
      // Some browsers refuse history changes for file:// pages; the view still works, it just is not shareable.
    }
  }

  /* ---- Sorting ---- */

  // "8–15 litres", "$2.50", "1,200" → 8, 2.5, 1200; null when the text does not start with a number.
  function leadingNumber(text) {
    var match = /^[~≈<>≤≥$€£¥\s]*(-?\d[\d,]*(?:\.\d+)?)/.exec(text);
    return match ? parseFloat(match[1].replace(/,/g, "")) : null;
  }

  // A cell's key: typed cells carry data-sort (numbers separated by spaces, or text); other cells sort
  // by their text. Null for an empty cell, which sorts last either way.
  function sortKey(cell, numeric) {
    if (!cell) return null;
    var raw = cell.getAttribute("data-sort");
    var text = raw === null ? cell.textContent.trim() : raw;
    if (text === "") return null;
    if (!numeric) return text;
    if (raw !== null) return raw.split(" ").map(Number);
    var number = leadingNumber(text);
    return number === null ? null : [number];
  }

  function compareKeys(left, right, numeric) {
    if (!numeric) return collator.compare(left, right);
    for (var index = 0; index < Math.min(left.length, right.length); index++) {
      if (left[index] !== right[index]) return left[index] < right[index] ? -1 : 1;
    }
    return left.length - right.length;
  }

  function headerCells(table) {
    var head = table.tHead;
    return head ? head.rows[head.rows.length - 1].cells : [];
  }

  // A Markdown table column sorts as numbers when every filled cell starts with one.
  function isNumericColumn(table, index) {
    var filled = 0;
    var numeric = true;
    each(table.tBodies[0].rows, function (row) {
      var text = row.cells[index] ? row.cells[index].textContent.trim() : "";
      if (text === "") return;
      filled += 1;
      if (leadingNumber(text) === null) numeric = false;
    });
    return filled > 0 && numeric;
  }

  function sortTable(table, index, ascending) {
    var header = headerCells(table)[index];
    var numeric = header.getAttribute("data-sort-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row) {
      return { row: row, key: sortKey(row.cells[index], numeric), order: Number(row.getAttribute("data-order")) };
    });
    rows.sort(function (left, right) {
      if (left.key === null || right.key === null) {
        if (left.key === right.key) return left.order - right.order;
        return left.key === null ? 1 : -1;
      }
      var order = compareKeys(left.key, right.key, numeric);
      if (order !== 0) return ascending ? order : -order;
      return left.order - right.order;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    each(headerCells(table), function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  // Turns each header into a button: click, Enter or Space sorts ascending, then toggles the direction.
  function makeSortable(table, onSort) {
    if (!table.tBodies.length || table.getAttribute("data-sortable") === "true") return;
    table.setAttribute("data-sortable", "true");
    each(table.tBodies[0].rows, function (row, position) { row.setAttribute("data-order", String(position)); });
    each(headerCells(table), function (header, index) {
      if (!header.hasAttribute("data-sort-type")) {
        header.setAttribute("data-sort-type", isNumericColumn(table, index) ? "number" : "text");
      }
      var button = element("button", { type: "button", "class": "sort-button" });
      while (header.firstChild) button.appendChild(header.firstChild);
      button.appendChild(element("span", { "class": "sort-icon", "aria-hidden": "true" }));
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        sortTable(table, index, ascending);
        if (onSort) onSort();
      });
    });
  }

  /* ---- A kind's comparison page: filter, facets, columns, URL state ---- */

  function enhanceControls(controls) {
    var table = document.getElementById(controls.getAttribute("data-table"));
    if (!table) return;
    var headers = headerCells(table);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var filter = controls.querySelector("[data-filter]");
    var facets = controls.querySelectorAll("[data-facet]");
    var columns = controls.querySelectorAll(".compare-columns input");
    var status = controls.querySelector(".compare-status");
    var plural = controls.getAttribute("data-plural") || "rows";
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var values = rows.map(function (row) {
      var byKey = {};
      each(row.querySelectorAll("[data-facets]"), function (cell) {
        byKey[cell.getAttribute("data-key")] = JSON.parse(cell.getAttribute("data-facets"));
      });
      return byKey;
    });

    function columnIndex(key) {
      for (var index = 0; index < headers.length; index++) {
        if (headers[index].getAttribute("data-key") === key) return index;
      }
      return -1;
    }

    function chosen(facet) {
      return Array.prototype.filter.call(facet.querySelectorAll("input"), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
    }

    function applyFilters() {
      var terms = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var selections = Array.prototype.map.call(facets, function (facet) {
        return { key: facet.getAttribute("data-facet"), values: chosen(facet) };
      }).filter(function (selection) { return selection.values.length > 0; });
      var shown = 0;
      rows.forEach(function (row, index) {
        var visible = terms.every(function (term) { return texts[index].indexOf(term) >= 0; }) &&
          selections.every(function (selection) {
            return (values[index][selection.key] || []).some(function (value) { return selection.values.indexOf(value) >= 0; });
          });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown === rows.length
        ? "Showing all " + rows.length + " " + plural + "."
        : "Showing " + shown + " of " + rows.length + " " + plural + ".";
    }

    function applyColumns() {
      each(columns, function (box) {
        var index = columnIndex(box.value);
        if (index < 0) return;
        headers[index].hidden = !box.checked;
        rows.forEach(function (row) { row.cells[index].hidden = !box.checked; });
      });
    }

    function saveState() {
      var params = new URLSearchParams();
      each(headers, function (header) {
        var order = header.getAttribute("aria-sort");
        // Sorting by title, ascending, is how the page is built; it needs no parameter.
        if (order && !(header.getAttribute("data-key") === "title" && order === "ascending")) {
          params.set("sort", header.getAttribute("data-key"));
          if (order === "descending") params.set("order", "desc");
        }
      });
      if (filter.value.trim()) params.set("q", filter.value.trim());
      each(facets, function (facet) {
        chosen(facet).forEach(function (value) { params.append("f." + facet.getAttribute("data-facet"), value); });
      });
      each(columns, function (box) { if (!box.checked) params.append("hide", box.value); });
      setURL(params.toString());
    }

    function loadState() {
      var params = new URLSearchParams(location.search);
      var sortIndex = columnIndex(params.get("sort"));
      if (sortIndex >= 0) sortTable(table, sortIndex, params.get("order") !== "desc");
      filter.value = params.get("q") || "";
      each(facets, function (facet) {
        var wanted = params.getAll("f." + facet.getAttribute("data-facet"));
        each(facet.querySelectorAll("input"), function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
        facet.open = wanted.length > 0;
      });
      var hidden = params.getAll("hide");
      each(columns, function (box) { box.checked = hidden.indexOf(box.value) < 0; });
    }

    function update() {
      applyFilters();
      applyColumns();
      saveState();
    }

    makeSortable(table, saveState);
    loadState();
    applyFilters();
    applyColumns();
    controls.hidden = false;
    filter.addEventListener("input", update);
    controls.addEventListener("change", update);
    controls.querySelector("[data-reset]").addEventListener("click", function () {
      filter.value = "";
      each(controls.querySelectorAll("input[type=checkbox]"), function (box) { box.checked = box.closest(".compare-columns") !== null; });
      sortTable(table, 0, true);
      update();
    });
  }

  /* ---- Selection: pick 2 to 4 entries for the side-by-side page ---- */

  // Commas stay readable in the URL: ?kind=materials&ids=nylon,polyester
  function sideBySideQuery(kind, ids) {
    return "kind=" + encodeURIComponent(kind) + (ids.length ? "&ids=" + ids.map(encodeURIComponent).join(",") : "");
  }

  function enhanceSelection(form) {
    var boxes = document.querySelectorAll("input[name=ids][form='" + form.id + "']");
    var button = form.querySelector("button[type=submit]");
    var status = form.querySelector(".compare-selection");
    var kind = form.querySelector("input[name=kind]").value;

    function selected() {
      return Array.prototype.filter.call(boxes, function (box) { return box.checked; }).map(function (box) { return box.value; });
    }

    function update() {
      var count = selected().length;
      each(boxes, function (box) { box.disabled = !box.checked && count >= MAX_SELECTED; });
      button.disabled = count < MIN_SELECTED;
      status.textContent = count === 0 ? "Tick " + MIN_SELECTED + " to " + MAX_SELECTED + " to compare them side by side."
        : count + " selected" + (count < MIN_SELECTED ? "; tick at least " + MIN_SELECTED + "." : (count >= MAX_SELECTED ? " (the most that fit)." : "."));
    }

    each(boxes, function (box) { box.addEventListener("change", update); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      location.href = form.action + "?" + sideBySideQuery(kind, selected());
    });
    update();
  }

  /* ---- CSV, generated in the browser for the side-by-side selection ---- */

  function csvField(text) {
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function csv(records) {
    return records.map(function (record) { return record.map(csvField).join(",") + "\r\n"; }).join("");
  }

  /* ---- The side-by-side page ---- */

  function chosenIDs(params) {
    var ids = [];
    params.getAll("ids").forEach(function (value) {
      value.split(",").forEach(function (id) {
        id = id.trim();
        if (id && ids.indexOf(id) < 0) ids.push(id);
      });
    });
    return ids;
  }

  // A cell of the side-by-side data: null, a plain string, or a list of parts (strings, links, badges).
  function cellText(cell) {
    if (cell === null) return "";
    if (typeof cell === "string") return cell;
    return cell.map(function (part) {
      if (typeof part === "string") return part;
      return part.external ? part.href : part.text;
    }).join("");
  }

  function cellNodes(cell) {
    if (cell === null) return [];
    if (typeof cell === "string") return [document.createTextNode(cell)];
    return cell.map(function (part) {
      if (typeof part === "string") return document.createTextNode(part);
      if (part.href) {
        var link = element("a", { href: part.href, text: part.text });
        if (part.external) link.setAttribute("rel", "external noopener");
        return link;
      }
      if (part.badge) return element("span", { "class": "badge", text: part.text });
      return document.createTextNode(part.text);
    });
  }

  function relationMap(item) {
    var map = {};
    item.relations.forEach(function (group) { map[group.label] = group.links; });
    return map;
  }

  function renderSideBySide(section, data, ids, csvURLHolder) {
    var byslug = {};
    data.items.forEach(function (item) { byslug[item.slug] = item; });
    var unknown = ids.filter(function (id) { return !byslug[id]; });
    ids = ids.filter(function (id) { return byslug[id]; }).slice(0, MAX_SELECTED);
    var items = ids.map(function (id) { return byslug[id]; });

    while (section.firstChild) section.removeChild(section.firstChild);
    section.hidden = false;
    section.appendChild(element("h2", { text: data.plural }));

    var picker = element("fieldset", { "class": "side-by-side-picker" }, [
      element("legend", { text: "Choose " + MIN_SELECTED + " to " + MAX_SELECTED + " to compare" })
    ]);
    var list = element("ul");
    data.items.forEach(function (item) {
      var box = element("input", { type: "checkbox", value: item.slug });
      box.checked = ids.indexOf(item.slug) >= 0;
      box.disabled = !box.checked && ids.length >= MAX_SELECTED;
      box.addEventListener("change", function () {
        var next = box.checked ? ids.concat([item.slug]) : ids.filter(function (id) { return id !== item.slug; });
        show(section, data, next, csvURLHolder);
      });
      list.appendChild(element("li", {}, [element("label", {}, [box, document.createTextNode(" " + item.title)])]));
    });
    picker.appendChild(list);
    section.appendChild(picker);

    var status = element("p", { "class": "side-by-side-status", role: "status" });
    section.appendChild(status);
    if (unknown.length) {
      section.insertBefore(element("p", { "class": "side-by-side-unknown", text: "Not found among " + data.plural + ": " + unknown.join(", ") + "." }), status);
    }
    if (items.length < MIN_SELECTED) {
      status.textContent = "Choose at least " + MIN_SELECTED + " " + data.plural + " above" +
        (items.length ? "; " + items[0].title + " is chosen." : ".");
      return;
    }

    var fields = data.fields.map(function (field, index) { return { label: field.label, index: index }; })
      .filter(function (field) { return items.some(function (item) { return item.cells[field.index] !== null; }); });
    var rows = [{ label: "Summary", texts: items.map(function (item) { return item.summary || ""; }),
      nodes: items.map(function (item) { return item.summary ? [document.createTextNode(item.summary)] : []; }) }];
    fields.forEach(function (field) {
      rows.push({
        label: field.label,
        texts: items.map(function (item) { return cellText(item.cells[field.index]); }),
        nodes: items.map(function (item) { return cellNodes(item.cells[field.index]); })
      });
    });
    var relationRows = [];
    var relations = items.map(relationMap);
    items.forEach(function (item) {
      item.relations.forEach(function (group) { if (relationRows.indexOf(group.label) < 0) relationRows.push(group.label); });
    });
    relationRows.forEach(function (label) {
      rows.push({
        label: label,
        relation: true,
        texts: relations.map(function (map) { return (map[label] || []).map(function (link) { return link.title; }).sort().join(", "); }),
        nodes: relations.map(function (map) {
          return (map[label] || []).reduce(function (nodes, link, index) {
            if (index > 0) nodes.push(document.createTextNode(", "));
            nodes.push(element("a", { href: link.url, text: link.title }));
            return nodes;
          }, []);
        })
      });
    });

    var differing = 0;
    var head = element("tr", {}, [element("th", { scope: "col", text: "Field" })]);
    items.forEach(function (item) {
      var remove = element("button", { type: "button", "class": "side-by-side-remove", "aria-label": "Remove " + item.title, text: "×" });
      remove.addEventListener("click", function () {
        show(section, data, ids.filter(function (id) { return id !== item.slug; }), csvURLHolder);
      });
      head.appendChild(element("th", { scope: "col" }, [element("a", { href: item.url, text: item.title }), document.createTextNode(" "), remove]));
    });
    var body = element("tbody");
    rows.forEach(function (row) {
      var differs = row.texts.some(function (text) { return text !== row.texts[0]; });
      if (differs) differing += 1;
      var header = element("th", { scope: "row", text: row.label });
      if (differs) header.appendChild(element("span", { "class": "differs-mark", text: "differs" }));
      var tr = element("tr", { "class": (row.relation ? "relation" : "field") + (differs ? " differs" : "") }, [header]);
      row.nodes.forEach(function (nodes) { tr.appendChild(element("td", {}, nodes)); });
      body.appendChild(tr);
    });
    var table = element("table", { "class": "side-by-side-table" }, [
      element("caption", { text: items.map(function (item) { return item.title; }).join(" · ") }),
      element("thead", {}, [head]),
      body
    ]);

    var onlyDifferences = element("input", { type: "checkbox" });
    onlyDifferences.addEventListener("change", function () { table.classList.toggle("only-differences", onlyDifferences.checked); });

    var records = [[data.singular].concat(rows.filter(function (row) { return !row.relation; }).map(function (row) { return row.label; }))];
    items.forEach(function (item, column) {
      records.push([item.title].concat(rows.filter(function (row) { return !row.relation; }).map(function (row) { return row.texts[column]; })));
    });
    if (csvURLHolder.url) URL.revokeObjectURL(csvURLHolder.url);
    csvURLHolder.url = URL.createObjectURL(new Blob([csv(records)], { type: "text/csv;charset=utf-8" }));

    section.appendChild(element("p", { "class": "side-by-side-actions" }, [
      element("label", {}, [onlyDifferences, document.createTextNode(" Show only rows that differ")]),
      document.createTextNode(" · "),
      element("a", { href: csvURLHolder.url, download: data.kind + "-" + ids.join("-") + ".csv", "class": "side-by-side-csv", text: "Download as CSV" }),
      document.createTextNode(" · "),
      element("a", { href: data.table, text: "All " + data.plural + " in a table" })
    ]));
    section.appendChild(element("div", { "class": "compare-scroll" }, [table]));
    status.textContent = items.length + " " + data.plural + " compared; " + differing + " of " + rows.length + " rows differ.";
  }

  function show(section, data, ids, csvURLHolder) {
    setURL(sideBySideQuery(data.kind, ids));
    renderSideBySide(section, data, ids, csvURLHolder);
  }

  function enhanceSideBySide(section) {
    var params = new URLSearchParams(location.search);
    var kind = params.get("kind");
    var link = null;
    // The script path comes from the page's own list of kinds, never from the URL.
    each(document.querySelectorAll(".compare-kinds a[data-kind]"), function (candidate) {
      if (candidate.getAttribute("data-kind") === kind) link = candidate;
    });
    if (!link) return;
    link.setAttribute("aria-current", "page");
    function failed() {
      section.hidden = false;
      section.appendChild(element("p", { text: "The comparison data for this kind could not be loaded." }));
    }
    // The titles first: the kind's data names other pages by reference to them.
    loadScript(section.getAttribute("data-titles"), function () {
      loadScript(link.getAttribute("data-script"), function () {
        var data = window.SatchelCompare && window.SatchelCompare[kind];
        if (data && window.SatchelTitles) show(section, withTitles(data, window.SatchelTitles), chosenIDs(params), {});
      }, failed);
    }, failed);
  }

  function loadScript(src, loaded, failed) {
    var script = element("script", { src: src });
    script.addEventListener("load", loaded);
    script.addEventListener("error", failed);
    document.head.appendChild(script);
  }

  // The data names other pages as "kind/slug"; parts and relation links get their titles and URLs here,
  // once, so that the view reads them as it reads the rest.
  function withTitles(data, titles) {
    function link(ref) {
      var entry = Object.prototype.hasOwnProperty.call(titles, ref) ? titles[ref] : null;
      return entry ? { text: entry[0], href: entry[1] } : { text: ref };
    }
    data.items.forEach(function (item) {
      item.cells = item.cells.map(function (cell) {
        if (cell === null || typeof cell === "string") return cell;
        return cell.map(function (part) { return part && typeof part === "object" && part.ref ? link(part.ref) : part; });
      });
      item.relations.forEach(function (group) {
        group.links = group.links.map(function (ref) {
          var resolved = link(ref);
          return { title: resolved.text, url: resolved.href };
        });
      });
    });
    return data;
  }

  function start() {
    each(document.querySelectorAll(".compare-controls[data-table]"), enhanceControls);
    each(document.querySelectorAll("table.compare-table, .body table, .introduction table"), function (table) { makeSortable(table); });
    each(document.querySelectorAll("form.compare-select[id]"), enhanceSelection);
    var section = document.getElementById("side-by-side");
    if (section) enhanceSideBySide(section);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
