// The status page: counters every 2 s, gallery and dead letters redrawn only when they change.
// All data goes into the page through textContent or attributes, never as HTML.
"use strict";

const REFRESH_MS = 2000;
let galleryKey = null;
let deadLetterKey = null;
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

async function replay() {
  const button = byId("replay");
  const result = byId("replay-result");
  const token = byId("admin-token").value.trim();
  const headers = token ? { "Authorization": "Bearer " + token } : {};
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
    const [status, images, deadLetters] = await Promise.all([
      getJson("/api/status"), getJson("/api/images?limit=50"), getJson("/api/dead-letters")]);
    if (seq !== refreshSeq) return;
    showStatus(status);
    showGallery(images);
    showDeadLetters(deadLetters);
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
