// The secretariat's dashboard: reads the aggregator's API and follows its live feed.
// Everything it loads comes from the aggregator itself (Chart.js from its WebJar).
// Every call carries the reader's token (Authorization: Bearer), asked for once and kept in
// this tab's sessionStorage. EventSource cannot send headers, so the live feed is read with
// fetch and parsed here; the token never goes into a URL (no logs, no history).
'use strict';

const api = '/api/v1';
const state = { catalogue: null, operation: null, totals: null, source: null, chart: null, category: null, figures: null };

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, text) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
};
const TOKEN = 'jointops.token';
const token = () => sessionStorage.getItem(TOKEN);
const authorised = (headers = {}) => ({ ...headers, Authorization: 'Bearer ' + token() });
class Unauthorised extends Error {}
const call = async (path, headers) => {
  const response = await fetch(path, { headers: authorised(headers), cache: 'no-store' });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN);
    login('The token was refused: enter a valid one.');
    throw new Unauthorised(path + ': 401');
  }
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response;
};
const getJson = async (path) => (await call(path, { Accept: 'application/json' })).json();

// Asks for a token (or takes one from #token=... once, then drops it from the address).
function login(message) {
  $('login').hidden = false;
  $('login-message').textContent = message || '';
  $('token').focus();
}
function takeTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  sessionStorage.setItem(TOKEN, decodeURIComponent(match[1]));
  const url = new URL(window.location);
  url.hash = '';
  window.history.replaceState(null, '', url);
}
const number = (value, unit) => Number(value).toLocaleString('en', {
  minimumFractionDigits: unit === 'MONEY' ? 2 : 0, maximumFractionDigits: unit === 'KILOGRAM' ? 3 : 2 });

function categories() {
  const map = new Map();
  state.catalogue.programmes.forEach((p) => p.categories.forEach((c) => map.set(c.code, c)));
  return map;
}

function lineKey(line) {
  return line.category + (line.currency ? '/' + line.currency : '');
}

// FINAL or PRELIMINARY (from the register): the operation beside the title, each state in its
// column's heading; read from the totals with completeness (the feed's events carry them too).
function renderMarks() {
  const figures = state.figures;
  const mark = $('figures');
  mark.textContent = figures ? figures.status : '';
  mark.className = figures ? 'mark m-' + figures.status : 'mark';
  mark.title = figures ? (figures.status === 'FINAL'
    ? 'Every member state\'s figures for every stage are accepted by the secretariat'
    : 'Not every member state\'s figures for every stage are accepted yet') : '';
  document.querySelectorAll('#totals th[data-state]').forEach((th) => {
    const status = figures && figures.byState ? figures.byState[th.dataset.state] : undefined;
    th.className = status ? 'm-' + status : '';
    th.title = status ? status.toLowerCase() + ' (all stages)' : '';
  });
}

function renderTotals(totals) {
  state.totals = totals;
  if (totals.figures) state.figures = totals.figures;
  const names = categories();
  const states = state.catalogue.states.map((s) => s.code);
  $('title').textContent = (totals.name || totals.operation) + ': totals';
  $('status').textContent = totals.version === 0 ? 'No reports yet.'
    : `Version ${totals.version} · ${totals.reports} reports counted · last change submitted ${totals.updatedAt}`;
  $('totals').dataset.version = totals.version;
  const head = $('totals').tHead;
  head.replaceChildren();
  const header = el('tr');
  ['Category', 'Unit'].forEach((h) => header.appendChild(el('th', {}, h)));
  states.forEach((code) => header.appendChild(el('th', { 'data-state': code }, code)));
  header.appendChild(el('th', {}, 'Total'));
  head.appendChild(header);
  const body = $('totals').tBodies[0];
  body.replaceChildren();
  totals.totals.forEach((line) => {
    const category = names.get(line.category);
    const row = el('tr', { 'data-line': lineKey(line) });
    if (category && category.parent) row.className = 'of-which';
    row.appendChild(el('td', {}, category ? category.name : line.category));
    row.appendChild(el('td', {}, line.currency || line.unit.toLowerCase()));
    states.forEach((code) => {
      const value = line.byState[code];
      row.appendChild(el('td', { class: 'n', 'data-state': code }, value === undefined ? '–' : number(value, line.unit)));
    });
    row.appendChild(el('td', { class: 'n total' }, number(line.total, line.unit)));
    body.appendChild(row);
  });
  renderMarks();
  renderChartCategories(totals);
  renderChart();
}

function renderChartCategories(totals) {
  const names = categories();
  const select = $('chart-category');
  const keys = totals.totals.map(lineKey);
  if (!keys.includes(state.category)) state.category = keys[0] || null;
  select.replaceChildren();
  totals.totals.forEach((line) => {
    const category = names.get(line.category);
    const option = el('option', { value: lineKey(line) },
      (category ? category.name : line.category) + (line.currency ? ' (' + line.currency + ')' : ''));
    if (lineKey(line) === state.category) option.selected = true;
    select.appendChild(option);
  });
}

function renderChart() {
  const states = state.catalogue.states.map((s) => s.code);
  const line = state.totals ? state.totals.totals.find((l) => lineKey(l) === state.category) : null;
  const data = states.map((code) => (line && line.byState[code] !== undefined ? Number(line.byState[code]) : 0));
  if (typeof Chart === 'undefined') return;
  if (!state.chart) {
    state.chart = new Chart($('chart'), {
      type: 'bar',
      data: { labels: states, datasets: [{ label: '', data, backgroundColor: '#1f3a5f' }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }
  state.chart.data.datasets[0].data = data;
  state.chart.data.datasets[0].label = line ? line.category : '';
  state.chart.update();
}

async function renderCompleteness() {
  const table = $('completeness');
  try {
    const completeness = await getJson(`${api}/operations/${encodeURIComponent(state.operation)}/completeness`);
    const head = table.tHead;
    head.replaceChildren();
    const header = el('tr');
    ['Stage', 'Report by', 'State', 'Status', 'Submission', 'Reports', 'Agencies', 'Last reported'].forEach((h) => header.appendChild(el('th', {}, h)));
    head.appendChild(header);
    const body = table.tBodies[0];
    body.replaceChildren();
    completeness.stages.forEach((stage) => stage.states.forEach((s) => {
      const row = el('tr', { 'data-stage': stage.stage, 'data-state': s.state });
      row.appendChild(el('td', {}, `${stage.stage} (${stage.start} – ${stage.end})`));
      row.appendChild(el('td', {}, stage.reportBy || '–'));
      row.appendChild(el('td', {}, s.name));
      row.appendChild(el('td', { class: 's-' + s.status }, s.status));
      row.appendChild(el('td', { class: 'sub-' + s.submission, title: s.figures === 'FINAL' ? 'final' : 'preliminary' },
        s.submission || '–'));
      row.appendChild(el('td', { class: 'n' }, String(s.reports)));
      row.appendChild(el('td', {}, s.agencies.map((a) => a.agency).join(', ') || '–'));
      row.appendChild(el('td', {}, s.lastReportedAt || '–'));
      body.appendChild(row);
    }));
  } catch (e) {
    table.tBodies[0].replaceChildren(el('tr', {}, ''));
  }
  // a status can change without the totals changing: the marks are read again with completeness
  try {
    const totals = await getJson(`${api}/operations/${encodeURIComponent(state.operation)}/totals`);
    if (totals.figures) state.figures = totals.figures;
    renderMarks();
  } catch (e) {
    // the marks stay as last read
  }
}

function onTotals(data, id) {
  const live = $('live');
  const totals = JSON.parse(data);
  // the event id is <epoch>-<version>: a reset of the aggregator rebuilds the totals with a later
  // epoch and versions from 1 again, which replace what the page shows
  const [epoch] = String(id).split('-');
  const shown = $('totals').dataset;
  // within one epoch, the page may already show a newer version (read from the store before the
  // feed's event arrived)
  const sameEpoch = shown.epoch === undefined || shown.epoch === epoch;
  if (sameEpoch && totals.version < Number(shown.version ?? -1)) return;
  renderTotals(totals);
  shown.epoch = epoch;
  live.textContent = 'live · v' + totals.version;
  live.className = 'live on flash';
  setTimeout(() => { live.className = 'live on'; }, 600);
  completenessSoon();
}

// Server-sent events over fetch (with the Authorization header), reconnecting as EventSource
// would, with Last-Event-ID: the feed then sends only newer versions.
async function follow() {
  if (state.source) state.source.abort();
  const controller = new AbortController();
  state.source = controller;
  const live = $('live');
  const url = `${api}/operations/${encodeURIComponent(state.operation)}/totals/stream`;
  let lastId = null;
  live.textContent = 'connecting…';
  live.className = 'live';
  while (!controller.signal.aborted) {
    try {
      const headers = authorised({ Accept: 'text/event-stream' });
      if (lastId !== null) headers['Last-Event-ID'] = lastId;
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        sessionStorage.removeItem(TOKEN);
        login('The token was refused: enter a valid one.');
        return;
      }
      if (response.status === 403) {
        // an observer reads published figures only: no live feed
        live.textContent = 'published figures';
        live.className = 'live';
        return;
      }
      if (!response.ok || !response.body) throw new Error(url + ': ' + response.status);
      live.textContent = 'live';
      live.className = 'live on';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = (buffer + value).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let id = null;
          const data = [];
          block.split('\n').forEach((line) => {
            const colon = line.indexOf(':');
            if (colon === 0) return; // a comment (heartbeat)
            const field = colon < 0 ? line : line.slice(0, colon);
            const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event = text;
            else if (field === 'data') data.push(text);
            else if (field === 'id') id = text;
          });
          if (id !== null) lastId = id;
          if (event === 'totals' && data.length) onTotals(data.join('\n'), lastId);
        }
      }
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    live.textContent = 'reconnecting…';
    live.className = 'live';
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

// completeness reads the operation's whole history: at most one refresh every few seconds
let completenessTimer = null;
function completenessSoon() {
  if (completenessTimer) return;
  completenessTimer = setTimeout(() => { completenessTimer = null; renderCompleteness(); }, 3000);
}
// submissions and approvals change no totals: read them again every 15 s
setInterval(() => { if (state.operation) completenessSoon(); }, 15000);

function links() {
  const base = `${api}/operations/${encodeURIComponent(state.operation)}/summary`;
  $('summary-en').href = base + '?lang=en&format=html';
  $('summary-ru').href = base + '?lang=ru&format=html';
  $('summary-md').href = base + '?lang=en&format=md';
  $('summary-txt').href = base + '?lang=en&format=txt';
}

// A link cannot send the token: the summary is fetched with it and opened from memory.
async function openSummary(event) {
  event.preventDefault();
  const opened = window.open('', '_blank');
  try {
    const response = await call(event.currentTarget.getAttribute('href'), {});
    const blob = new Blob([await response.text()], { type: response.headers.get('Content-Type') || 'text/plain' });
    if (opened) opened.location = URL.createObjectURL(blob);
  } catch (e) {
    if (opened) opened.close();
  }
}

async function select(operation) {
  state.operation = operation;
  const url = new URL(window.location);
  url.searchParams.set('operation', operation);
  window.history.replaceState(null, '', url);
  links();
  $('totals').dataset.version = -1;
  delete $('totals').dataset.epoch;
  try {
    renderTotals(await getJson(`${api}/operations/${encodeURIComponent(operation)}/totals`));
  } catch (e) {
    $('status').textContent = 'Totals unavailable: ' + e.message;
  }
  renderCompleteness();
  follow();
}

async function start() {
  ['summary-en', 'summary-ru', 'summary-md', 'summary-txt'].forEach((id) => $(id).addEventListener('click', openSummary));
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value.trim());
    $('token').value = '';
    $('login').hidden = true;
    load().catch(() => {});
  });
  $('logout').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN);
    if (state.source) state.source.abort();
    login();
  });
  takeTokenFromFragment();
  if (!token()) {
    login();
    return;
  }
  await load().catch(() => {});
}

let loaded = false;
async function load() {
  if (loaded) {
    await select(state.operation);
    return;
  }
  state.catalogue = await getJson(`${api}/catalogue`);
  const active = (await getJson(`${api}/operations`)).operations;
  const counts = new Map(active.map((o) => [o.operation, o.reports]));
  const codes = [...new Set([...active.map((o) => o.operation), ...state.catalogue.operations.map((o) => o.code)])];
  const select$ = $('operation');
  codes.forEach((code) => {
    const known = state.catalogue.operations.find((o) => o.code === code);
    select$.appendChild(el('option', { value: code },
      `${code}${known ? ' – ' + known.name : ''} (${counts.get(code) || 0} reports)`));
  });
  const wanted = new URL(window.location).searchParams.get('operation');
  const first = codes.includes(wanted) ? wanted : codes[0];
  select$.value = first;
  select$.addEventListener('change', () => select(select$.value));
  $('chart-category').addEventListener('change', (e) => { state.category = e.target.value; renderChart(); });
  loaded = true;
  await select(first);
}

start();
