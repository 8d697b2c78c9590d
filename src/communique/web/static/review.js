// communique review controls (web/review.py): confirm, reject, correct, undo on the event page;
// add a missed event from a text selection on the article page; keys for a fast pass.
// Writes are JSON POSTs to /api/reviews with the token in a header (never a cookie), so a page
// of another site cannot forge them. The token stays in this tab (sessionStorage), the name in
// localStorage.
"use strict";
(function () {
  const NAME = "communique.reviewer";
  const TOKEN = "communique.token";

  function who(box) {
    const name = box.querySelector("input[name=reviewer]");
    const token = box.querySelector("input[name=token]");
    if (name && !name.value) name.value = localStorage.getItem(NAME) || "";
    if (token && !token.value) token.value = sessionStorage.getItem(TOKEN) || "";
    if (name) name.addEventListener("change", function () { localStorage.setItem(NAME, name.value.trim()); });
    if (token) token.addEventListener("change", function () { sessionStorage.setItem(TOKEN, token.value.trim()); });
    return { name: name, token: token };
  }

  function say(box, text, bad) {
    const out = box.querySelector(".review-message");
    if (!out) return;
    out.textContent = text;
    out.classList.toggle("bad", !!bad);
  }

  function post(box, fields, body) {
    const name = fields.name ? fields.name.value.trim() : "";
    const token = fields.token ? fields.token.value.trim() : "";
    if (!name) { say(box, box.dataset.failed + ": " + fields.name.closest("label").textContent.trim(), true); fields.name.focus(); return Promise.reject(new Error("name")); }
    if (!token) { say(box, box.dataset.failed + ": " + fields.token.closest("label").textContent.trim(), true); fields.token.focus(); return Promise.reject(new Error("token")); }
    localStorage.setItem(NAME, name);
    sessionStorage.setItem(TOKEN, token);
    body.reviewer = name;
    return fetch("/api/reviews", {
      method: "POST", credentials: "omit",
      headers: { "content-type": "application/json", "x-communique-token": token },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          say(box, box.dataset.failed + " (" + response.status + "): " + (data.message || data.error), true);
          throw new Error(data.message || String(response.status));
        }
        say(box, box.dataset.saved, false);
        return data;
      });
    });
  }

  function value(form, name) {
    const field = form.elements[name];
    return field ? field.value.trim() : "";
  }

  function party(form, role) {
    const code = value(form, role + "_code").toUpperCase();
    const sector = value(form, role + "_sector");
    return code || sector ? { code: code || null, sector: sector || null } : null;
  }

  function changed(field) { return field && field.value.trim() !== (field.dataset.initial || ""); }

  // -- the event page ------------------------------------------------------------------------
  const box = document.getElementById("review");
  if (box && box.querySelector(".review-actions")) {
    const fields = who(box);
    const form = box.querySelector("form.review-correct");
    form.querySelectorAll("input, select").forEach(function (f) { f.dataset.initial = f.value.trim(); });
    const done = function () { window.location.reload(); };
    box.querySelectorAll("button[data-action]").forEach(function (button) {
      button.addEventListener("click", function (evt) {
        const action = button.dataset.action;
        if (action === "correct-open") {
          form.hidden = !form.hidden;
          if (!form.hidden) form.elements.event.focus();
          return;
        }
        if (action === "correct") return; // the form's submit
        evt.preventDefault();
        const body = { action: action, event_id: box.dataset.event };
        if (action === "reject") body.reason = box.querySelector("select[name=reason]").value;
        post(box, fields, body).then(done, function () {});
      });
    });
    form.addEventListener("submit", function (evt) {
      evt.preventDefault();
      const changes = {};
      if (changed(form.elements.event)) changes.event = value(form, "event");
      if (changed(form.elements.mode)) changes.mode = value(form, "mode") || null;
      ["actor", "recipient"].forEach(function (role) {
        if (changed(form.elements[role + "_code"]) || changed(form.elements[role + "_sector"])) changes[role] = party(form, role);
      });
      if (changed(form.elements.place_name) || changed(form.elements.place_country)) {
        const name = value(form, "place_name");
        changes.place = name ? { name: name, country_code: value(form, "place_country").toUpperCase() || null } : null;
      }
      if (changed(form.elements.date)) changes.date = value(form, "date") || null;
      if (changed(form.elements.trigger) && value(form, "trigger")) {
        const text = document.querySelector(".text") ? document.querySelector(".text").textContent : "";
        const mark = document.querySelector(".text mark");
        const from = mark ? +mark.dataset.start : 0;
        const words = value(form, "trigger");
        const at = text.indexOf(words, from);
        changes.trigger = { text: words, start: at >= 0 ? at : from, end: (at >= 0 ? at : from) + words.length };
      }
      if (!Object.keys(changes).length) { form.hidden = true; return; }
      post(box, fields, { action: "correct", event_id: box.dataset.event, changes: changes }).then(done, function () {});
    });
  }

  // -- the article page: add an event from a selection ----------------------------------------
  const add = document.getElementById("review-add");
  const textEl = document.getElementById("article-text");
  if (add && textEl) {
    const fields = who(add);
    const form = add.querySelector("form.review-new");
    let last = null;
    const span = function () {
      const sel = window.getSelection();
      if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
      const range = sel.getRangeAt(0);
      if (!textEl.contains(range.startContainer) || !textEl.contains(range.endContainer)) return null;
      const before = document.createRange();
      before.selectNodeContents(textEl);
      before.setEnd(range.startContainer, range.startOffset);
      let start = before.toString().length;
      let words = range.toString();
      const lead = words.length - words.replace(/^\s+/, "").length;
      words = words.trim();
      start += lead;
      return words ? { text: words, start: start, end: start + words.length } : null;
    };
    document.addEventListener("selectionchange", function () { const s = span(); if (s) last = s; });
    let evidence = null;
    let trigger = null;
    const whole = textEl.textContent;
    // The chosen evidence (and trigger) marked in the text; offsets stay those of the whole
    // text, which the marks only cut into pieces.
    const show = function () {
      textEl.textContent = "";
      if (!evidence) { textEl.textContent = whole; return; }
      const piece = function (from, to) { return document.createTextNode(whole.slice(from, to)); };
      textEl.appendChild(piece(0, evidence.start));
      const mark = document.createElement("mark");
      mark.className = "chosen";
      if (trigger) {
        mark.appendChild(piece(evidence.start, trigger.start));
        const inner = document.createElement("strong");
        inner.className = "trigger";
        inner.appendChild(piece(trigger.start, trigger.end));
        mark.appendChild(inner);
        mark.appendChild(piece(trigger.end, evidence.end));
      } else {
        mark.appendChild(piece(evidence.start, evidence.end));
      }
      textEl.appendChild(mark);
      textEl.appendChild(piece(evidence.end, whole.length));
    };
    add.querySelector("[data-action=use-evidence]").addEventListener("click", function () {
      const s = span() || last;
      if (!s) return;
      evidence = s;
      trigger = null;
      form.elements.evidence.value = s.text;
      form.elements.evidence_start.value = s.start;
      form.elements.trigger.value = "";
      last = null;
      show();
      form.elements.event.focus();
    });
    add.querySelector("[data-action=use-trigger]").addEventListener("click", function () {
      const s = span() || last;
      if (!s || !evidence || s.start < evidence.start || s.end > evidence.end) return;
      trigger = s;
      form.elements.trigger.value = s.text;
      form.elements.trigger_start.value = s.start;
      last = null;
      show();
    });
    document.querySelectorAll("button.dismiss[data-review]").forEach(function (button) {
      button.addEventListener("click", function () {
        post(add, fields, { action: "clear", review_id: button.dataset.review }).then(function () {
          window.location.reload();
        }, function () {});
      });
    });
    form.addEventListener("submit", function (evt) {
      evt.preventDefault();
      if (!evidence) { say(add, add.dataset.failed, true); return; }
      const changes = { event: value(form, "event"), evidence: evidence };
      if (trigger) changes.trigger = trigger;
      if (value(form, "mode")) changes.mode = value(form, "mode");
      ["actor", "recipient"].forEach(function (role) { const p = party(form, role); if (p) changes[role] = p; });
      if (value(form, "place_name")) changes.place = { name: value(form, "place_name"), country_code: value(form, "place_country").toUpperCase() || null };
      if (value(form, "date")) changes.date = value(form, "date");
      post(add, fields, { action: "add", article_id: add.dataset.article, changes: changes }).then(function (data) {
        window.location.href = "/events/" + encodeURIComponent(data.review.event_id);
      }, function () {});
    });
  }

  // -- keys: one letter per action, never while typing -----------------------------------------
  document.addEventListener("keydown", function (evt) {
    if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.repeat) return;
    const target = evt.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    const el = document.querySelector('[data-key="' + evt.key + '"]');
    if (!el) return;
    evt.preventDefault();
    el.click();
  });
})();
