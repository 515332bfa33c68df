// The status page: counters every 2 s, gallery and dead letters redrawn only when they change.
// All data goes into the page through textContent or attributes, never as HTML.
"use strict";

const REFRESH_MS = 2000;
let galleryKey = null;
let deadLetterKey = null;
let batchKey = null;
// batches cancelled from this page: the store shows it only at the next poll, the button must not come back before
const cancelSent = new Set();
// a batch with one of these statuses has ended: there is nothing left to cancel
const ENDED = new Set(["completed", "failed", "expired", "cancelling", "cancelled"]);
// refreshes overlap when the server is slow or a replay refreshes at once; only the newest may draw
let refreshSeq = 0;

function byId(id) {
  return document.getElementById(id);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

function depthText(value) {
  return value === undefined || value < 0 ? "?" : value;
}

function showStatus(s) {
  byId("briefs-done").textContent = s.briefs_done;
  byId("briefs-failed").textContent = s.briefs_failed;
  byId("images").textContent = s.images;
  byId("in-flight").textContent = s.in_flight;
  byId("queue-briefs").textContent = depthText(s.queue_depth["briefs"]);
  byId("queue-dlq").textContent = depthText(s.queue_depth["briefs.DLQ"]);
  byId("dead-letter-count").textContent = depthText(s.dead_letters);
  byId("spend").textContent = "$" + Number(s.spend_usd).toFixed(2);
  byId("provider").textContent = "provider: " + s.provider;
  const budget = byId("budget");
  const paused = s.budget && s.budget.paused;
  budget.classList.toggle("paused", Boolean(paused));
  budget.textContent = paused ? "budget paused: " + s.budget.reason : "";
  showFleet(s.fleet);
}

// The fleet on the shared store: one row per instance alive, then its spend and its pace
function showFleet(f) {
  const summary = byId("fleet-summary");
  const body = byId("fleet").querySelector("tbody");
  body.replaceChildren();
  if (!f || f.error) {
    summary.textContent = f ? "shared store: " + f.error : "";
    return;
  }
  for (const i of f.instances) {
    const row = el("tr", i.self ? "self" : null);
    row.dataset.instance = i.instance;
    row.append(el("td", "instance", i.instance + (i.self ? " (this one)" : "")), el("td", "host", i.host),
      el("td", "started", shortTime(i.started)), el("td", "last-beat", shortTime(i.last_beat)), el("td", "in-flight", i.in_flight));
    body.append(row);
  }
  const budget = f.daily_budget_usd > 0 ? " of $" + Number(f.daily_budget_usd).toFixed(2) : " (no daily budget)";
  const pace = f.images_per_minute_configured > 0 ? " (pace " + f.images_per_minute_configured + " per minute)" : "";
  summary.textContent = f.instances.length + " alive · spent today $" + Number(f.spent_today_usd).toFixed(2) + budget
    + " · " + f.images_per_minute_last_minute + " images started in the last minute" + pace;
}

// ISO instants to the second: the nanoseconds only crowd the table
function shortTime(iso) {
  return String(iso || "").replace(/\.\d+Z$/, "Z").replace("T", " ");
}

function fileUrl(card) {
  return "/files/" + encodeURIComponent(card.brief_id) + "/" + encodeURIComponent(card.file);
}

function showGallery(cards) {
  const key = cards.map(c => c.image_id + "@" + c.created).join("|");
  if (key === galleryKey) return;
  galleryKey = key;
  const gallery = byId("gallery");
  gallery.replaceChildren();
  for (const card of cards) {
    const button = el("button", "card");
    button.type = "button";
    const img = el("img", "thumb");
    img.src = fileUrl(card);
    img.alt = card.prompt;
    img.loading = "lazy";
    button.append(img, el("span", "caption", card.prompt), el("span", "meta", card.image_id + " · seed " + card.seed));
    button.addEventListener("click", () => openDetail(card));
    gallery.append(button);
  }
  byId("no-images").hidden = cards.length > 0;
}

function openDetail(card) {
  const image = byId("detail-image");
  image.src = fileUrl(card);
  image.alt = card.prompt;
  byId("detail-id").textContent = card.image_id;
  byId("detail-prompt").textContent = card.prompt;
  byId("detail-image-prompt").textContent = card.image_prompt;
  byId("detail-revised-prompt").textContent = card.revised_prompt || "(none: the provider did not revise it)";
  byId("detail-seed").textContent = card.seed;
  byId("detail-model").textContent = card.model + " (" + card.provider + ")";
  byId("detail-created").textContent = card.created;
  const policy = byId("detail-policy");
  policy.replaceChildren();
  const actions = Array.isArray(card.policy) ? card.policy : [];
  for (const action of actions) {
    policy.append(el("li", null, action.rule + ": " + action.action + (action.detail ? " — " + action.detail : "")));
  }
  if (actions.length === 0) policy.append(el("li", null, "none"));
  byId("detail").showModal();
}

function showDeadLetters(letters) {
  const key = letters.map(d => d.name + "@" + d.failed_at).join("|");
  if (key === deadLetterKey) return;
  deadLetterKey = key;
  const body = byId("dead-letters").querySelector("tbody");
  body.replaceChildren();
  for (const d of letters) {
    const row = el("tr");
    row.dataset.name = d.name;
    row.append(el("td", "name", d.name), el("td", "brief", d.brief_id), el("td", "stage", d.stage),
      reasonCell(d), el("td", "failed-at", shortTime(d.failed_at)));
    body.append(row);
  }
  byId("dead-letters").hidden = letters.length === 0;
  byId("no-dead-letters").hidden = letters.length > 0;
}

// The reason is for everyone and shown first; the technical detail folds out for the operator.
function reasonCell(d) {
  const cell = el("td", "reason");
  cell.append(el("span", "reason-text", d.reason));
  if (d.detail) {
    const details = el("details", "detail");
    details.append(el("summary", null, "detail"), el("code", null, d.detail));
    cell.append(details);
  }
  return cell;
}

// Replay and Cancel present the admin token when one is typed in; from loopback none is needed unless the service says so
function adminHeaders() {
  const token = byId("admin-token").value.trim();
  return token ? { "Authorization": "Bearer " + token } : {};
}

function money(usd) {
  const value = Number(usd);
  return "$" + value.toFixed(value !== 0 && Math.abs(value) < 0.1 ? 4 : 2);
}

function ageText(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds)));
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
  return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
}

// Open and pending batch files: redrawn when a batch changes, only the ages and savings otherwise (a click on Cancel is not lost)
function showBatches(reply) {
  const summary = byId("batches-summary");
  const batches = reply.batches || [];
  summary.textContent = reply.error ? "batch records: " + reply.error : batchSummary(batches);
  const key = batches.map(b => [b.file, b.state, b.status, b.lines, b.pending_lines].join("/")).join("|");
  const body = byId("batches").querySelector("tbody");
  if (key !== batchKey) {
    batchKey = key;
    body.replaceChildren();
    for (const b of batches) {
      const row = el("tr");
      row.dataset.file = b.file;
      if (b.batch_id) row.dataset.batch = b.batch_id;
      row.append(el("td", "batch-id", b.batch_id || "(not submitted yet)"), el("td", "state", b.state), el("td", "status", b.status || "–"),
        el("td", "lines", b.lines), el("td", "pending", b.pending_lines), el("td", "age"), el("td", "saving"), cancelCell(b));
      body.append(row);
    }
  }
  batches.forEach((b, i) => {
    const row = body.rows[i];
    row.querySelector("td.age").textContent = ageText(b.age_seconds);
    row.querySelector("td.saving").textContent = money(b.expected_saving_usd);
    row.querySelector("td.saving").title = money(b.expected_cost_usd) + " at the batch price for the lines still to read";
  });
  byId("batches").hidden = batches.length === 0;
  byId("no-batches").hidden = batches.length > 0 || Boolean(reply.error);
}

function batchSummary(batches) {
  if (batches.length === 0) return "";
  const pending = batches.reduce((sum, b) => sum + Number(b.pending_lines), 0);
  const saving = batches.reduce((sum, b) => sum + Number(b.expected_saving_usd), 0);
  return batches.length + " open or pending · " + pending + " lines to read · expected saving " + money(saving)
    + " against the synchronous price";
}

function cancelCell(b) {
  const cell = el("td", "action");
  if (b.batch_id && !ENDED.has(b.status)) {
    const sent = cancelSent.has(b.batch_id);
    const button = el("button", "cancel", sent ? "Cancelling" : "Cancel");
    button.type = "button";
    button.disabled = sent;
    button.addEventListener("click", () => cancelBatch(b, button));
    cell.append(button);
  }
  return cell;
}

async function cancelBatch(b, button) {
  const result = byId("batch-result");
  if (!window.confirm("Cancel batch " + b.batch_id + "? Its " + b.pending_lines
      + " lines still to read are made as batch-on-expiry says (now at the full price, or in a new batch).")) return;
  button.disabled = true;
  result.classList.remove("error");
  result.textContent = "cancelling " + b.batch_id + "…";
  try {
    const response = await fetch("/api/batches/cancel?id=" + encodeURIComponent(b.batch_id), { method: "POST", headers: adminHeaders() });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || "HTTP " + response.status);
    result.textContent = "Batch " + body.batch_id + ": " + body.status + ".";
    cancelSent.add(b.batch_id);
    batchKey = null;
    await refresh();
  } catch (e) {
    result.classList.add("error");
    result.textContent = "Cancel failed: " + e.message;
    button.disabled = false;
  }
}

async function replay() {
  const button = byId("replay");
  const result = byId("replay-result");
  const headers = adminHeaders();
  button.disabled = true;
  result.classList.remove("error");
  result.textContent = "replaying…";
  try {
    const response = await fetch("/api/replay", { method: "POST", headers: headers });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || "HTTP " + response.status);
    const lines = body.moved.map(m => m.what + ": " + m.from + " → " + m.to);
    result.textContent = lines.length === 0 ? "Nothing to replay." : "Replayed " + lines.length + ":\n" + lines.join("\n");
    deadLetterKey = null;
    await refresh();
  } catch (e) {
    result.classList.add("error");
    result.textContent = "Replay failed: " + e.message;
  } finally {
    button.disabled = false;
  }
}

async function refresh() {
  const connection = byId("connection");
  const seq = ++refreshSeq;
  try {
    // the batch records live in the store: while it does not answer the panel says so, the rest of the page goes on
    const [status, images, deadLetters, batches] = await Promise.all([
      getJson("/api/status"), getJson("/api/images?limit=50"), getJson("/api/dead-letters"),
      getJson("/api/batches").catch(e => ({ error: e.message }))]);
    if (seq !== refreshSeq) return;
    showStatus(status);
    showGallery(images);
    showDeadLetters(deadLetters);
    showBatches(batches);
    connection.classList.remove("lost");
    connection.textContent = "live · " + new Date().toLocaleTimeString();
  } catch (e) {
    if (seq !== refreshSeq) return;
    connection.classList.add("lost");
    connection.textContent = "connection lost (" + e.message + ")";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  byId("replay").addEventListener("click", replay);
  refresh();
  setInterval(refresh, REFRESH_MS);
});
