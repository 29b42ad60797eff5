"use strict";
/* Offline intake form: builds the fields from the embedded definition, validates while typing, saves and
   loads the case record as a JSON file on this device. Never sends anything; user data only as text. */
(function () {
  const D = JSON.parse(document.getElementById("form-data").textContent);
  let lang = D.languages[0].code;
  let counter = 0;
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls) => { const e = document.createElement(tag); if (cls) e.className = cls; return e; };

  function msg(german) {
    const found = D.texts[lang].msg[german];
    return found === undefined ? D.untranslated + german : found;
  }
  /* Interface text in the chosen language; inside an adviser section (``where``) always in German. */
  function ui(key, vars, where) {
    const code = where && where.closest(".adviser") ? D.languages[0].code : lang;
    let text = D.texts[code].ui[key];
    Object.keys(vars || {}).forEach((k) => { text = text.split("{" + k + "}").join(String(vars[k])); });
    return text;
  }
  function tagMsg(e, german) { e.dataset.msg = german; e.textContent = msg(german); return e; }
  function tagUi(e, key) { e.dataset.ui = key; e.textContent = ui(key); return e; }

  /* ---------- parsing typed text ---------- */
  function parseDate(text) {
    let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    let y, mo, d;
    if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; }
    else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else return { error: ["err_date"] };
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
      return { error: ["err_date_missing"] };
    }
    const pad = (n, w) => String(n).padStart(w, "0");
    return { value: pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2) };
  }
  function parseNumber(text, f) {
    const ok = f.kind === "int" ? /^-?\d+$/.test(text) : /^-?\d+([.,]\d+)?$/.test(text);
    if (!ok) return { error: [f.kind === "int" ? "err_int" : "err_number"] };
    const value = Number(text.replace(",", "."));
    if (f.maximum !== null && value > f.maximum) return { error: ["err_max", { max: f.maximum }] };
    if (f.minimum !== null && value < f.minimum) return { error: ["err_min", { min: f.minimum }] };
    return { value: value };
  }
  function showDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m ? m[3] + "." + m[2] + "." + m[1] : String(iso);
  }

  /* ---------- nodes: one per field, each with get / set / check ---------- */
  function frame(f, box) {
    const wrap = el("div", "field");
    const id = "f" + (++counter);
    const label = el("label");
    label.htmlFor = id;
    tagMsg(label, f.label);
    if (f.required) { const star = el("span", "req"); star.textContent = " *"; label.appendChild(star); }
    wrap.appendChild(label);
    box.appendChild(wrap);
    return { wrap: wrap, id: id };
  }
  function addNotes(f, wrap) {
    if (f.help) wrap.appendChild(tagMsg(el("p", "help"), f.help));
    if (f.pathways.length) {
      const p = el("p", "pathways");
      p.appendChild(tagUi(el("span"), "relevant"));
      p.appendChild(document.createTextNode(": "));
      const refs = el("bdi");
      refs.dir = "ltr";
      refs.textContent = f.pathways.join(", ");
      p.appendChild(refs);
      wrap.appendChild(p);
    }
    const err = el("p", "error");
    err.setAttribute("role", "alert");
    wrap.appendChild(err);
    return err;
  }
  function option(select, value, german, key) {
    const o = el("option");
    o.value = value;
    if (key) tagUi(o, key); else tagMsg(o, german);
    select.appendChild(o);
  }

  function scalarNode(f, box) {
    const fr = frame(f, box);
    let input;
    let hasDefault = false;
    if (f.kind === "select" || f.kind === "bool") {
      input = el("select");
      hasDefault = f.default !== null && !f.nullable;
      if (!hasDefault) option(input, "", null, f.nullable ? "unknown" : "choose");
      if (f.kind === "bool") { option(input, "true", null, "yes"); option(input, "false", null, "no"); }
      else f.choices.forEach((c) => option(input, c[0], c[1]));
      if (hasDefault) input.value = String(f.default);
    } else if (f.kind === "textlist") {
      input = el("textarea");
      input.rows = 3;
    } else {
      input = el("input");
      input.type = "text";
      if (f.kind === "date") { input.placeholder = ui("date_hint"); input.dataset.uiPlaceholder = "date_hint"; }
      if (f.kind === "int" || f.kind === "number") input.inputMode = "decimal";
    }
    input.id = fr.id;
    input.dataset.path = f.path;
    fr.wrap.appendChild(input);
    const node = { f: f, input: input, wrap: fr.wrap, err: addNotes(f, fr.wrap), touched: false };
    node.blank = () => input.value.trim() === "" || (hasDefault && input.value === String(f.default));
    node.read = function () {
      const raw = input.value.trim();
      if (f.kind === "textlist") {
        const lines = raw.split("\n").map((s) => s.trim()).filter((s) => s);
        return { value: lines.length ? lines : undefined };
      }
      if (raw === "") return f.required ? { error: ["err_required"] } : { value: undefined };
      if (f.kind === "bool") return { value: raw === "true" };
      if (f.kind === "date") return parseDate(raw);
      if (f.kind === "int" || f.kind === "number") return parseNumber(raw, f);
      return { value: raw };
    };
    node.set = function (v) {
      if (v === undefined || v === null) input.value = hasDefault ? String(f.default) : "";
      else if (f.kind === "textlist") input.value = v.join("\n");
      else if (f.kind === "date") input.value = showDate(v);
      else input.value = String(v);
    };
    const touch = () => { node.touched = true; validateAll(); };
    input.addEventListener("input", touch);
    input.addEventListener("change", touch);
    return node;
  }

  /* For a list that may be unknown: "unknown" (left out of the record) or "recorded" (an empty list = none). */
  function modeSelect(f, wrap) {
    const sel = el("select", "mode");
    sel.id = "f" + (++counter);
    sel.dataset.path = f.path + ":recorded";
    option(sel, "", null, "unknown");
    option(sel, "recorded", null, "recorded");
    const label = el("label");
    label.htmlFor = sel.id;
    tagUi(label, "recorded");
    wrap.appendChild(label);
    wrap.appendChild(sel);
    wrap.appendChild(tagUi(el("p", "help"), "recorded_help"));
    sel.addEventListener("change", validateAll);
    return sel;
  }

  function multiNode(f, box) {
    const fs = el("fieldset");
    fs.appendChild(tagMsg(el("legend"), f.label));
    box.appendChild(fs);
    const err = addNotes(f, fs);
    const mode = f.nullable ? modeSelect(f, fs) : null;
    const boxes = f.choices.map((c) => {
      const lab = el("label", "check");
      const cb = el("input");
      cb.type = "checkbox";
      cb.value = c[0];
      cb.dataset.path = f.path;
      cb.addEventListener("change", () => { if (mode && cb.checked) mode.value = "recorded"; validateAll(); });
      lab.appendChild(cb);
      lab.appendChild(tagMsg(el("span"), c[1]));
      fs.appendChild(lab);
      return cb;
    });
    const node = { f: f, err: err };
    node.blank = () => !boxes.some((b) => b.checked) && (!mode || mode.value === "");
    node.read = function () {
      const picked = boxes.filter((b) => b.checked).map((b) => b.value);
      if (mode && mode.value === "" && !picked.length) return { value: undefined };
      return { value: picked.length || mode ? picked : undefined };
    };
    node.set = function (v) {
      boxes.forEach((b) => { b.checked = Array.isArray(v) && v.indexOf(b.value) >= 0; });
      if (mode) mode.value = Array.isArray(v) ? "recorded" : "";
    };
    return node;
  }

  function groupNode(f, box) {
    const fs = el("fieldset", "group");
    fs.appendChild(tagMsg(el("legend"), f.label));
    box.appendChild(fs);
    const err = addNotes(f, fs);
    const node = objectNode(f.children, fs);
    node.f = f;
    node.err = err;
    const inner = node.read;
    node.read = function () {
      if (node.blank()) return { value: undefined };
      const r = inner();
      if (r.error || !Object.keys(r.value).length) return r.error ? r : { value: undefined };
      return r;
    };
    return node;
  }

  function listNode(f, box) {
    const fs = el("fieldset", "list");
    fs.appendChild(tagMsg(el("legend"), f.label));
    box.appendChild(fs);
    const mode = f.nullable ? modeSelect(f, fs) : null;
    const node = { f: f, rows: [], err: addNotes(f, fs) };
    const items = el("div", "items");
    fs.appendChild(items);
    node.blank = () => !node.rows.length && (!mode || mode.value === "");
    function addRow() {
      const row = el("div", "item");
      items.appendChild(row);
      const child = objectNode(f.children, row);
      child.row = row;
      child.rowErr = el("p", "error");
      child.rowErr.setAttribute("role", "alert");
      row.appendChild(child.rowErr);
      const del = tagUi(el("button", "remove"), "remove");
      del.type = "button";
      del.addEventListener("click", () => {
        node.rows.splice(node.rows.indexOf(child), 1);
        row.remove();
        validateAll();
      });
      row.appendChild(del);
      node.rows.push(child);
      if (mode) mode.value = "recorded";
      return child;
    }
    const add = tagUi(el("button", "add"), "add");
    add.type = "button";
    add.dataset.path = f.path;
    add.addEventListener("click", () => {
      if (node.rows.length >= D.limits.max_items) { say(ui("err_list_full", { max: D.limits.max_items }), true); return; }
      addRow();
      validateAll();
    });
    fs.appendChild(add);
    node.read = function () {
      const out = [];
      let error = null;
      node.rows.forEach((r) => { const x = r.read(); if (x.error) error = x.error; else out.push(x.value); });
      if (error) return { error: error, quiet: true };
      if (mode && mode.value === "" && !out.length) return { value: undefined };
      return { value: out.length || mode ? out : undefined };
    };
    node.set = function (v) {
      node.rows.slice().forEach((r) => r.row.remove());
      node.rows = [];
      (Array.isArray(v) ? v : []).forEach((item) => addRow().set(item));
      if (mode) mode.value = Array.isArray(v) ? "recorded" : "";
    };
    return node;
  }

  function makeNode(f, box) {
    if (f.kind === "group") return groupNode(f, box);
    if (f.kind === "list") return listNode(f, box);
    if (f.kind === "multiselect") return multiNode(f, box);
    return scalarNode(f, box);
  }

  /* An object: child nodes by key; reading checks each child plus the cross-field rules. */
  function objectNode(fields, box) {
    const kids = {};
    fields.forEach((f) => { kids[f.key] = makeNode(f, box); });
    const node = { kids: kids };
    node.blank = () => Object.keys(kids).every((k) => kids[k].blank());
    /* Shows the messages of all fields below; ``silent`` clears them (an optional group left empty). */
    node.validate = function (silent) {
      let errors = 0;
      const values = {};
      Object.keys(kids).forEach((k) => {
        const kid = kids[k];
        if (kid.kids) errors += kid.validate(silent || kid.blank());
        if (kid.rows) kid.rows.forEach((r) => { errors += r.validate(silent); });
        if (kid.rows && !silent && kid.f.path === "history") errors += historyCheck(kid);
        const r = kid.read();
        const show = !silent && r.error && !r.quiet && (kid.touched !== false || showAll);
        if (kid.err) kid.err.textContent = show ? ui(r.error[0], r.error[1], kid.err) : "";
        if (r.error && !r.quiet && !silent) errors += 1;
        if (!r.error) values[k] = r.value;
      });
      if (!silent) errors += crossCheck(kids, values, [["start", "end", "err_end_before_start"]]);
      return errors;
    };
    node.read = function () {
      const out = {};
      let error = null;
      Object.keys(kids).forEach((k) => {
        const r = kids[k].read();
        if (r.error) error = r.error; else if (r.value !== undefined) out[k] = r.value;
      });
      if (error) return { error: error, quiet: true };
      return { value: out };
    };
    node.set = function (v) { Object.keys(kids).forEach((k) => kids[k].set(v ? v[k] : undefined)); };
    return node;
  }

  /* An error on the later field of each pair [earlier, later, message] when it lies before the earlier. */
  function crossCheck(kids, values, pairs) {
    let errors = 0;
    pairs.forEach((p) => {
      const a = values[p[0]], b = values[p[1]];
      if (kids[p[1]] && a && b && b < a) {
        const target = kids[p[1]];
        if (!target.err.textContent) target.err.textContent = ui(p[2], null, target.err);
        errors += 1;
      }
    });
    return errors;
  }

  /* ---------- case history: the rules of caserecord/history.yaml, checked as the library does ---------- */
  function adv(key, vars) {
    let text = D.history.messages[key];
    Object.keys(vars || {}).forEach((k) => { text = text.split("{" + k + "}").join(String(vars[k])); });
    return text;
  }
  function flag(kid, text) {
    if (!kid.err.textContent) kid.err.textContent = text;
    return 1;
  }
  function topValue(key) {
    for (const id of Object.keys(root.kids)) {
      const kid = root.kids[id].kids[key];
      if (kid) { const r = kid.read(); return r.error ? undefined : r.value; }
    }
    return undefined;
  }
  function valueLabel(name, value) {
    return name === "pathway" && D.history.pathways[value] ? D.history.pathways[value] : String(value);
  }
  function wanted(n, v) {
    const H = D.history;
    const parts = n.same.map((f) => [f, v[f]]).concat(Object.keys(n.match).map((f) => [f, n.match[f]]));
    return "„" + H.types[n.type].label + "“" +
      parts.map((p) => " " + adv("with") + " " + H.field_names[p[0]] + " " + valueLabel(p[0], p[1])).join("");
  }
  function historyCheck(list) {
    const H = D.history;
    const birth = topValue("birth_date");
    const earlier = [];
    let errors = 0, closedOn = null, previous = null;
    list.rows.forEach((row) => {
      const v = {};
      Object.keys(row.kids).forEach((k) => { const r = row.kids[k].read(); if (!r.error && r.value !== undefined) v[k] = r.value; });
      row.rowErr.textContent = "";
      const rule = v.type ? H.types[v.type] : null;
      H.event_fields.forEach((name) => {
        const kid = row.kids[name];
        const spec = rule ? rule.fields[name] : undefined;
        kid.wrap.hidden = !spec && v[name] === undefined;
        if (!rule) return;
        if (!spec && v[name] !== undefined) errors += flag(kid, adv("not_for_type"));
        else if (spec && spec.required && v[name] === undefined) errors += flag(kid, adv("missing"));
        else if (spec && spec.values.length && v[name] !== undefined && spec.values.indexOf(String(v[name])) < 0) {
          errors += flag(kid, adv("not_allowed", { allowed: spec.values.map((x) => valueLabel(name, x)).join(", ") }));
        }
      });
      if (v.date && birth && v.date < birth) errors += flag(row.kids.date, adv("before_birth"));
      if (v.date && previous && v.date < previous) errors += flag(row.kids.date, adv("before_previous", { date: showDate(previous) }));
      if (v.date) previous = v.date;
      if (!rule) return;
      const options = rule.needs_earlier.filter((n) => Object.keys(n.when).every((f) => String(v[f]) === n.when[f]));
      const found = (n) => earlier.some((e) => e.type === n.type &&
        n.same.every((f) => e[f] === v[f]) && Object.keys(n.match).every((f) => String(e[f]) === n.match[f]));
      const problems = [];
      if (options.length && !options.some(found)) {
        problems.push(adv("needs_earlier", { wanted: options.map((n) => wanted(n, v)).join(" " + adv("or") + " ") }));
      }
      const reopen = H.types[H.reopening].label, close = H.types[H.closing].label;
      if (v.type === H.reopening && closedOn === null) problems.push(adv("not_closed", { reopen: reopen, close: close }));
      else if (closedOn !== null && v.type !== H.reopening) problems.push(adv("after_closing", { date: showDate(closedOn), reopen: reopen }));
      if (v.type === H.closing) closedOn = v.date || "";
      else if (v.type === H.reopening) closedOn = null;
      row.rowErr.textContent = problems.join(" ");
      errors += problems.length;
      earlier.push(v);
    });
    return errors;
  }

  /* ---------- loading: check the whole file before touching the form ---------- */
  function probe(fields, data, path) {
    if (data === null || typeof data !== "object" || Array.isArray(data)) throw ["reason_bad_value", { field: path || "/" }];
    const byKey = Object.create(null);  /* no prototype: "__proto__", "constructor", "toString" are no fields */
    fields.forEach((f) => { byKey[f.key] = f; });
    Object.keys(data).forEach((k) => {
      const here = path ? path + "." + k : k;
      if (!path && k === "schema_version") return;
      const f = Object.prototype.hasOwnProperty.call(byKey, k) ? byKey[k] : undefined;
      if (!f) throw ["reason_unknown_field", { field: here }];
      const v = data[k];
      if (v === null) return;
      if (Array.isArray(v) && v.length > D.limits.max_items) throw ["err_too_many", { field: here, max: D.limits.max_items }];
      if (f.kind === "group") probe(f.children, v, here);
      else if (f.kind === "list") {
        if (!Array.isArray(v)) throw ["reason_bad_value", { field: here }];
        v.forEach((x, i) => probe(f.children, x, here + "." + i));
      } else if (!acceptsScalar(f, v)) throw ["reason_bad_value", { field: here }];
    });
    return true;
  }
  function acceptsScalar(f, v) {
    if (f.kind === "textlist") return Array.isArray(v) && v.every((s) => typeof s === "string");
    if (f.kind === "multiselect") return Array.isArray(v) && v.every((x) => f.choices.some((c) => c[0] === x));
    if (f.kind === "bool") return typeof v === "boolean";
    if (f.kind === "int") return Number.isInteger(v);
    if (f.kind === "number") return typeof v === "number";
    if (f.kind === "select") return f.choices.some((c) => c[0] === v);
    if (f.kind === "date") return typeof v === "string" && !parseDate(v).error;
    return typeof v === "string";
  }

  /* ---------- page ---------- */
  let showAll = false;
  const root = { kids: {} };
  const status = $("status");
  function say(text, bad) { status.textContent = text; status.className = bad ? "status bad" : "status ok"; }

  function validateAll() {
    let errors = 0;
    const top = {};
    const values = {};
    Object.keys(root.kids).forEach((k) => { errors += root.kids[k].validate(); Object.assign(top, root.kids[k].kids); });
    Object.keys(top).forEach((k) => { const r = top[k].read(); if (!r.error) values[k] = r.value; });
    return errors + crossCheck(top, values, [["birth_date", "entry_date", "err_entry_before_birth"]]);
  }
  function record() {
    const out = { schema_version: D.schema_version };
    Object.keys(root.kids).forEach((k) => {
      const r = root.kids[k].read();
      Object.assign(out, r.value);
    });
    return out;
  }

  function build() {
    const form = $("form");
    D.sections.forEach((s) => {
      const sec = el("section");
      sec.id = "s-" + s.id;
      if (s.adviser) { sec.lang = "de"; sec.dir = "ltr"; sec.className = "adviser"; }
      sec.appendChild(tagMsg(el("h2"), s.title));
      form.appendChild(sec);
      root.kids[s.id] = objectNode(s.fields, sec);
    });
  }

  function applyLanguage(code) {
    lang = code;
    const info = D.languages.find((l) => l.code === code);
    document.documentElement.lang = code;
    document.documentElement.dir = info.dir;
    document.querySelectorAll("[data-msg]").forEach((e) => { e.textContent = msg(e.dataset.msg); });
    document.querySelectorAll("[data-ui]").forEach((e) => { e.textContent = ui(e.dataset.ui, null, e); });
    document.querySelectorAll("[data-ui-placeholder]").forEach((e) => { e.placeholder = ui(e.dataset.uiPlaceholder, null, e); });
    document.title = ui("title");
    validateAll();
  }

  function save() {
    showAll = true;
    const errors = validateAll();
    if (errors) { say(ui("err_fix_first", { count: errors }), true); return; }
    const data = record();
    const id = String(data.case_id || "ohne-kennung").replace(/[^A-Za-z0-9_-]+/g, "-");
    const name = "fallakte-" + id + ".json";
    const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    const a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say(ui("saved", { file: name }), false);
  }

  function load(file) {
    const max = D.limits.max_bytes;
    if (file.size > max) {
      say(ui("err_too_big", { file: file.name, size: Math.ceil(file.size / 1024), max: max / 1024 }), true);
      return;
    }
    const reader = new FileReader();
    reader.onload = function () {
      let text, data;
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(reader.result); }
      catch (e) { say(ui("err_not_utf8", { file: file.name }), true); return; }
      try { data = JSON.parse(text); }
      catch (e) { say(ui("err_not_json", { file: file.name }), true); return; }
      try {
        if (data === null || typeof data !== "object" || Array.isArray(data)) throw ["reason_not_object", {}];
        if ("schema_version" in data && D.readable_versions.indexOf(data.schema_version) < 0) throw ["reason_version", {}];
        const all = [];
        D.sections.forEach((s) => { s.fields.forEach((f) => all.push(f)); });
        probe(all, data, "");
      } catch (reason) {
        if (!Array.isArray(reason)) throw reason;
        if (reason[0] === "err_too_many") say(ui("err_too_many", Object.assign({ file: file.name }, reason[1])), true);
        else say(ui("err_foreign", { file: file.name, reason: ui(reason[0], reason[1]) }), true);
        return;
      }
      D.sections.forEach((s) => root.kids[s.id].set(data));
      showAll = true;
      validateAll();
      say(ui("loaded", { file: file.name }), false);
    };
    reader.onerror = () => say(ui("err_not_json", { file: file.name }), true);
    reader.readAsArrayBuffer(file);
  }

  function init() {
    const pick = $("lang");
    D.languages.forEach((l) => {
      const o = el("option");
      o.value = l.code;
      o.textContent = l.name;
      pick.appendChild(o);
    });
    pick.addEventListener("change", () => applyLanguage(pick.value));
    $("save").addEventListener("click", save);
    $("file").addEventListener("change", (e) => { const f = e.target.files[0]; if (f) load(f); e.target.value = ""; });
    build();
    applyLanguage(lang);
  }
  init();
})();
