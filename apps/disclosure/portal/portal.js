// The public disclosure portal: search, subject page, published lists, publication-log check.
// No framework, no build step: one small script so the first load is fast. All text shown to the public is Chinese.
'use strict';

const SEVERITY = { minor: '轻微', general: '一般', severe: '严重' };
const EVENT = {
  published: '开始公示',
  corrected: '更正',
  withdrawn: '撤销公示',
  expired: '公示期满',
  listed: '列入名单',
  delisted: '移出名单',
  'report-issued': '出具信用报告',
};
const LISTS = { red: '红名单', 'key-watch': '重点关注名单', 'severe-dishonesty': '严重失信主体名单', 'bad-driver': '不良驾驶员名单' };
/** A record's standing (issue 21); none is said for one simply in force. */
const STATUS = { 'under-objection': '异议处理中', corrected: '已更正' };
/** How a record is repaired (the repair service's checklist, DOMAIN.md §5). */
const REPAIR_MODE = {
  'repair-commitment': '承诺修复：纠正失信行为、履行法定义务后，作出信用承诺即可申请',
  'closed-loop': '闭环修复：须先整改到位，提交整改证明后申请',
};
const SUBJECT_KIND = { org: '企业', person: '个人', vehicle: '车辆', vessel: '船舶' };

const view = () => document.getElementById('view');

/** Where a list entry came from when a partner listed the subject (shared lists, seed 004); null for this platform's own. */
const provenance = (entry) =>
  entry.partner ? el('p', { class: 'meta' }, `来源：${entry.partner.name}（行政区划 ${entry.partner.region}）共享的名单信息`) : null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child != null) node.append(child instanceof Node ? child : String(child));
  return node;
}

function date(iso) {
  // Dates as the public reads them, in China time.
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}

/**
 * A Chinese sentence for every error `code` the public API answers (problem+json); the API keeps
 * its English `detail` for integrators, a person reads this. Unknown codes get the generic one.
 */
const ERROR_MESSAGES = {
  'PUBLIC.INVALID_USCC': '统一社会信用代码格式不正确，请核对后重新输入。',
  'PUBLIC.SUBJECT_NOT_FOUND': '未找到该企业的公示信息。',
  'PUBLIC.REPORT_NOT_FOUND': '未找到该验证码对应的信用报告，请核对验证码（12 位字母和数字）。',
  'PUBLIC.UNKNOWN_LIST': '没有该名单。',
  'PUBLIC.INVALID_QUERY': '查询内容无效：请输入企业名称中的连续文字（最多 50 个字）或完整的统一社会信用代码。',
  'PUBLIC.INVALID_PUBLICATION_ID': '公示记录编号无效。',
  'PUBLIC.PUBLICATION_NOT_FOUND': '未找到该条公示记录。',
  'REQUEST.RATE_LIMITED': '查询过于频繁，请稍后再试。',
  'SERVICE.UNAVAILABLE': '服务暂时不可用，请稍后再试。',
  'REQUEST.NOT_FOUND': '未找到该页面或信息。',
  'REQUEST.TIMEOUT': '请求超时，请稍后再试。',
  'REQUEST.HEADERS_TOO_LARGE': '请求内容过长，请缩短后重试。',
  'PERMIT.NOT_FOUND': '未找到该编号的超限运输许可证，请核对许可证编号；如为伪造证件，请向交通运输执法部门举报。',
  'PERMIT.INVALID_QUERY': '许可证编号无效，请核对后重新输入。',
};
/** Field reasons of a USCC that does not parse (`errors[].code`), said precisely. */
const USCC_REASONS = {
  USCC_LENGTH: '统一社会信用代码应为 18 位，请核对后重新输入。',
  USCC_CHARSET: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V），请核对后重新输入。',
  USCC_REGION: '统一社会信用代码中的行政区划码不存在，请核对后重新输入。',
  USCC_CHECK_CHARACTER: '统一社会信用代码的校验位（最后一位）不正确，请核对后重新输入。',
};

function errorMessage(status, body) {
  const field = body.errors && body.errors[0] && USCC_REASONS[body.errors[0].code];
  if (field) return field;
  if (ERROR_MESSAGES[body.code]) return ERROR_MESSAGES[body.code];
  if (status === 429) return ERROR_MESSAGES['REQUEST.RATE_LIMITED'];
  if (status === 404) return '未找到公示信息。';
  return '查询失败，请稍后再试。';
}

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(errorMessage(response.status, body));
  return body;
}

function show(...nodes) {
  // A section with nothing to show is null: it is left out, not written as the text "null".
  view().replaceChildren(...nodes.filter((node) => node != null));
}

function showError(error) {
  show(el('p', { class: 'error', role: 'alert' }, error.message));
}

async function renderSearch(q) {
  document.title = `“${q}”的查询结果 - 交通运输信用信息公示`;
  show(el('p', { class: 'meta' }, '正在查询…'));
  const result = await getJson(`/public/v1/subjects?q=${encodeURIComponent(q)}`);
  if (result.subjects.length === 0) return show(el('p', { class: 'empty' }, `未找到与“${q}”相关的企业。`));
  show(
    el('h2', {}, `查询结果（${result.subjects.length}${result.truncated ? '+' : ''}）`),
    el(
      'ul',
      { class: 'results' },
      result.subjects.map((s) =>
        el(
          'li',
          {},
          el(
            'a',
            { href: `#/subjects/${s.uscc}` },
            el('span', { class: 'name' }, s.name),
            el('br'),
            el('span', { class: 'meta' }, `统一社会信用代码 ${s.uscc} · 公示中 ${s.publishedItems} 条`),
          ),
        ),
      ),
    ),
    result.truncated ? el('p', { class: 'meta' }, '结果较多，仅显示前 20 条，请输入更完整的名称。') : null,
  );
}

/**
 * Severity (轻微/一般/严重) grades dishonesty only (国家发展改革委令2025年第36号): penalties and broken
 * commitments carry it; licences and commitments kept are not graded (issue 16).
 */
const NOT_GRADED = () => false;
const PENALTY = () => true;
const BROKEN_COMMITMENT = (item) => item.recordType === 'commitment-broken';

function itemList(items, heading, empty, graded) {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': `h-${heading}` },
    el('h3', { id: `h-${heading}` }, `${heading}（${items.length}）`),
    items.length === 0
      ? el('p', { class: 'empty' }, empty)
      : el(
          'ul',
          { class: 'items' },
          items.map((item) =>
            el(
              'li',
              {},
              el('span', { class: 'doc' }, item.documentNumber),
              graded(item) ? el('span', { class: `tag ${item.severity}` }, SEVERITY[item.severity] || item.severity) : null,
              item.recordType === 'commitment-broken' ? el('span', { class: 'tag severe' }, '承诺未履行') : null,
              STATUS[item.status] ? el('span', { class: `tag status ${item.status}` }, STATUS[item.status]) : null,
              item.summary ? el('p', {}, item.summary) : null,
              item.partner ? el('p', { class: 'meta' }, `来源：${item.partner.name}（行政区划 ${item.partner.region}）作出并共享的信用信息`) : null,
              repairEntry(item.repair),
              el(
                'dl',
                { class: 'facts' },
                el('dt', {}, '决定日期'),
                el('dd', {}, date(`${item.decisionDate}T00:00:00+08:00`)),
                el('dt', {}, '公示截止'),
                el('dd', {}, date(item.publishedUntil)),
                el('dt', {}, '公示记录'),
                el('dd', {}, el('a', { href: `#/publication-log/${item.publicationId}` }, '查看')),
              ),
            ),
          ),
        ),
  );
}

/** Today in China as YYYY-MM-DD (the repair service counts China dates). */
const chinaToday = () => new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' });

/**
 * "可修复" beside a record (issue 19 item 9): from when and how it can be repaired, as the repair
 * service's rules say (minimum publicity periods of 国家发展改革委令2025年第36号); null without a notice.
 */
function repairEntry(repair) {
  if (!repair || !repair.earliestDate) return null;
  const when = repair.earliestDate <= chinaToday() ? '现可申请信用修复' : `自${date(`${repair.earliestDate}T00:00:00+08:00`)}起可申请信用修复`;
  return el('p', { class: 'repair' }, el('span', { class: 'tag' }, '可修复'), ` ${when}（${REPAIR_MODE[repair.mode] || repair.mode}），向作出决定的单位提出。`);
}

function listMemberships(lists) {
  if (lists.length === 0) return null;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'h-lists' },
    el('h3', { id: 'h-lists' }, `信用名单（${lists.length}）`),
    el(
      'ul',
      { class: 'items' },
      lists.map((l) =>
        el(
          'li',
          {},
          el('span', { class: 'doc' }, l.listName),
          el('p', {}, l.grounds),
          provenance(l),
          el(
            'p',
            { class: 'meta' },
            `列入日期 ${l.startsOn}${l.endsOn ? ` · 至 ${l.endsOn}` : ''}${l.documentNumber ? ` · 决定文号 ${l.documentNumber}` : ''}`,
          ),
        ),
      ),
    ),
  );
}

function gradeList(grades) {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'h-grades' },
    el('h3', { id: 'h-grades' }, `信用评价（${grades.length}）`),
    grades.length === 0
      ? el('p', { class: 'empty' }, '暂无信用评价结果。')
      : el(
          'ul',
          { class: 'items' },
          grades.map((g) =>
            el(
              'li',
              {},
              // A ladder with tiers (e.g. Beijing 四等九级, ADR 0050) shows the tier beside the level: A（良）.
              el('span', { class: 'doc' }, `${g.gradeLabel || g.grade}${g.tier ? `（${g.tier}）` : ''}`),
              el('p', {}, `评价方案：${g.schemeName || g.schemeId}`),
              el('p', { class: 'meta' }, `第 ${g.schemeVersion} 版 · 周期 ${g.cycle} · 得分 ${g.score} · 评价日期 ${date(g.evaluatedAt)}`),
            ),
          ),
        ),
  );
}

async function renderSubject(uscc) {
  show(el('p', { class: 'meta' }, '正在加载…'));
  const p = await getJson(`/public/v1/subjects/${encodeURIComponent(uscc)}`);
  document.title = `${p.name} - 交通运输信用信息公示`;
  show(
    el(
      'section',
      { class: 'card' },
      el('h2', {}, p.name),
      el('p', { class: 'meta' }, `统一社会信用代码 ${p.uscc} · 行政区划 ${p.regionName ? `${p.regionName}（${p.region}）` : p.region}`),
      el('p', { class: 'meta' }, `信息截至 ${new Date(p.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`),
      el(
        'p',
        {},
        el('a', { class: 'button', href: `/public/v1/subjects/${encodeURIComponent(p.uscc)}/report`, download: '' }, '下载信用报告（PDF）'),
        ' ',
        el('a', { href: '#/reports' }, '核验信用报告'),
      ),
    ),
    listMemberships(p.lists || []),
    gradeList(p.grades || []),
    itemList(p.penalties || [], '行政处罚', '无公示中的行政处罚信息。', PENALTY),
    itemList(p.licences || [], '行政许可', '无公示中的行政许可信息。', NOT_GRADED),
    itemList(p.commitments || [], '信用承诺', '无公示中的信用承诺信息。', BROKEN_COMMITMENT),
  );
  document.getElementById('main').focus();
}

function listEntry(e) {
  // Enterprises link to their page; individuals arrive masked (name and ID) and have none.
  const who = e.subject.kind === 'org' ? el('a', { href: `#/subjects/${e.subject.id}` }, e.subject.name) : e.subject.name;
  return el(
    'li',
    {},
    el('span', { class: 'doc' }, who),
    el('span', { class: 'tag minor' }, SUBJECT_KIND[e.subject.kind] || e.subject.kind),
    el('p', {}, e.grounds),
    provenance(e),
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, e.subject.kind === 'org' ? '统一社会信用代码' : '证件号码'),
      el('dd', {}, e.subject.id),
      el('dt', {}, '列入日期'),
      el('dd', {}, e.startsOn),
      el('dt', {}, '列入期限'),
      el('dd', {}, e.endsOn ? `至 ${e.endsOn}` : '未定期限'),
      e.documentNumber ? el('dt', {}, '决定文号') : null,
      e.documentNumber ? el('dd', {}, e.documentNumber) : null,
      el('dt', {}, '公示记录'),
      el('dd', {}, el('a', { href: `#/publication-log/${e.publicationId}` }, '查看')),
    ),
  );
}

function renderListIndex() {
  document.title = '信用名单 - 交通运输信用信息公示';
  show(
    el(
      'section',
      { class: 'card' },
      el('h2', {}, '信用名单'),
      el('p', { class: 'meta' }, '仅显示当前有效的名单信息；个人的姓名和证件号码已作脱敏处理。'),
      el(
        'ul',
        { class: 'results' },
        Object.entries(LISTS).map(([type, title]) => el('li', {}, el('a', { href: `#/lists/${type}` }, el('span', { class: 'name' }, title)))),
      ),
    ),
  );
}

async function renderList(type) {
  const title = LISTS[type];
  if (!title) throw new Error('没有该名单。');
  document.title = `${title} - 交通运输信用信息公示`;
  show(el('p', { class: 'meta' }, '正在加载…'));
  const first = await getJson(`/public/v1/lists/${encodeURIComponent(type)}`);
  const items = el('ul', { class: 'items', id: 'list-entries' }, first.entries.map(listEntry));
  const count = el('p', { class: 'meta', id: 'list-count' }, `当前有效 ${first.entries.length}${first.nextCursor ? '+' : ''} 条`);
  const more = el('button', { type: 'button', class: 'more' }, '加载更多');
  let cursor = first.nextCursor;
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await getJson(`/public/v1/lists/${encodeURIComponent(type)}?cursor=${encodeURIComponent(cursor)}`);
      const added = page.entries.map(listEntry);
      items.append(...added);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      count.textContent = `当前有效 ${items.children.length}${cursor ? '+' : ''} 条`;
      // Keyboard users continue at the first new entry.
      const link = added[0] && added[0].querySelector('a');
      if (link) link.focus();
    } catch (error) {
      showError(error);
    } finally {
      more.disabled = false;
    }
  });
  show(
    el('p', {}, el('a', { href: '#/lists' }, '← 全部名单')),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'h-list' },
      el('h2', { id: 'h-list' }, first.name || title),
      count,
      first.entries.length === 0 ? el('p', { class: 'empty' }, '当前没有列入该名单的主体。') : items,
      more,
    ),
  );
  document.getElementById('main').focus();
}

/** What the hash chain proves, in plain words (issue 21 item 5). */
function logExplained() {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'h-log-about' },
    el('h3', { id: 'h-log-about' }, '公示记录能证明什么'),
    el('p', {}, '每一次开始公示、更正、撤销公示、公示期满、列入或移出名单、出具信用报告，都按先后顺序记入公示记录。'),
    el(
      'p',
      {},
      '每条记录都带有公开内容的“指纹”（SHA-256 哈希值），并包含前一条记录的指纹，前后相连成一条链。只要有人改动、删除或插入其中任何一条，这条记录和其后所有记录的指纹都会对不上，因此一查便知。',
    ),
    el('p', {}, '所以它能证明：某条信息在什么时候开始公示、什么时候停止公示、公示期间内容是否被改动过，以及一份信用报告出具时载有什么内容。'),
    el('p', {}, '它不能证明信息本身是否正确；如认为信息有误，可以通过原认定单位提出异议。'),
  );
}

const sha256Hex = async (text) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Re-computes an entry's two fingerprints in the reader's own browser: the content's (its facts as
 * canonical JSON, RFC 8785, as the API returns them) and the entry's (previous entry's, position,
 * time, content's — keys in canonical order).
 */
async function checkEntry(e) {
  const contentOk = (await sha256Hex(JSON.stringify(e.content))) === e.contentHash;
  const link = JSON.stringify({ contentHash: e.contentHash, loggedAt: e.loggedAt, prevHash: e.prevHash, seq: Number(e.seq) });
  return contentOk && (await sha256Hex(link)) === e.hash;
}

function itemEntries(item) {
  const results = item.entries.map(() => el('span', { class: 'meta', role: 'status' }));
  const button = el('button', { type: 'button', class: 'more' }, '在本机重新计算指纹');
  button.addEventListener('click', async () => {
    button.disabled = true;
    for (const [i, e] of item.entries.entries()) {
      results[i].textContent = (await checkEntry(e)) ? '✓ 指纹相符：内容未被改动' : '✗ 指纹不符：内容或记录已被改动';
      results[i].className = results[i].textContent.startsWith('✓') ? 'ok' : 'error';
    }
    button.disabled = false;
  });
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'h-log-item' },
    el('h3', { id: 'h-log-item' }, '该条信息的公示记录'),
    el(
      'ul',
      { class: 'items' },
      item.entries.map((e, i) =>
        el(
          'li',
          {},
          el('span', { class: 'doc' }, EVENT[e.event] || e.event),
          el('p', { class: 'meta' }, `第 ${e.seq} 条 · 生效 ${date(e.content.effectiveAt)} · 记录 ${date(e.loggedAt)}`),
          el('p', { class: 'hash' }, `指纹 ${e.hash}`),
          results[i],
        ),
      ),
    ),
    button,
  );
}

async function renderLog(publicationId) {
  const [chain, item] = await Promise.all([
    getJson('/public/v1/publication-log'),
    publicationId ? getJson(`/public/v1/publication-log/items/${encodeURIComponent(publicationId)}`) : null,
  ]);
  document.title = '公示记录核验 - 交通运输信用信息公示';
  show(
    el(
      'section',
      { class: 'card' },
      el('h2', {}, '公示记录核验'),
      el(
        'p',
        { class: chain.intact ? 'meta' : 'error' },
        chain.intact ? `记录链完整：共 ${chain.length} 条，最新指纹 ${chain.head.slice(0, 16)}…` : `记录链在第 ${chain.brokenAt} 条处不一致：${chain.problem}`,
      ),
    ),
    item ? itemEntries(item) : null,
    logExplained(),
  );
}

/** How many of each part a verified report showed, and each record with its status. */
function reportContents(profile) {
  const parts = [
    ['信用评价', profile.grades || [], (g) => `${g.schemeName || g.schemeId}：${g.gradeLabel || g.grade}${g.tier ? `（${g.tier}）` : ''} · 周期 ${g.cycle}`],
    ['信用名单', profile.lists || [], (l) => `${l.listName} · 列入日期 ${l.startsOn}`],
    ['行政处罚', profile.penalties || [], recordLine],
    ['行政许可', profile.licences || [], recordLine],
    ['信用承诺', profile.commitments || [], recordLine],
  ];
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'h-contents' },
    el('h3', { id: 'h-contents' }, '报告所载内容'),
    el(
      'dl',
      { class: 'facts' },
      parts.flatMap(([name, items, line]) => [
        el('dt', {}, `${name}（${items.length}）`),
        el(
          'dd',
          {},
          items.length === 0
            ? '无'
            : el(
                'ul',
                {},
                items.map((i) => el('li', {}, line(i))),
              ),
        ),
      ]),
    ),
  );
}

function recordLine(item) {
  const repair = item.repair && item.repair.earliestDate ? `，${date(`${item.repair.earliestDate}T00:00:00+08:00`)}起可修复` : '';
  return `${item.documentNumber}${STATUS[item.status] ? `（${STATUS[item.status]}）` : ''}${repair}`;
}

/** What happened to a fact a report showed after it was issued (its `changes`, from the publication log). */
const CHANGE = { corrected: '已更正', withdrawn: '已撤销公示', expired: '公示期满，已停止公示', delisted: '已移出名单', published: '重新公示' };

function changeLine(c) {
  const why = c.reason === 'repair' ? '（信用修复）' : /^revoked/.test(c.reason) ? '（原决定被撤销）' : '';
  return `${LISTS[c.item] || c.item}：${CHANGE[c.event] || c.event}${why}，${date(c.effectiveAt)}`;
}

/** A report is authentic for its moment; once a fact it showed changed, the reader is told what (issue 21). */
function reportCurrency(report) {
  if (report.current !== false) return null;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'h-changes' },
    el('h3', { id: 'h-changes', class: 'error' }, '报告内容已不是最新：出具后以下信息发生了变化'),
    el(
      'ul',
      {},
      (report.changes || []).map((c) => el('li', {}, changeLine(c))),
    ),
    el('p', {}, '请以企业当前公示信息为准：', el('a', { href: `#/subjects/${report.uscc}` }, '查看当前公示信息'), '，或重新下载信用报告。'),
  );
}

function reportForm(code) {
  const input = el('input', {
    id: 'report-code',
    name: 'code',
    type: 'text',
    maxlength: '20',
    autocomplete: 'off',
    required: '',
    'aria-describedby': 'report-code-hint',
  });
  if (code) input.value = code;
  const form = el(
    'form',
    { class: 'search', id: 'report-form' },
    el('label', { for: 'report-code' }, '报告验证码'),
    el('div', { class: 'search-row' }, input, el('button', { type: 'submit' }, '核验')),
    el('p', { id: 'report-code-hint', class: 'hint' }, '信用报告首页印有 12 位验证码（字母和数字，不区分大小写，可含短横线）；也可扫描报告上的二维码。'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    if (typed) location.hash = `#/reports/${encodeURIComponent(typed)}`;
  });
  return form;
}

async function renderReport(code) {
  document.title = '信用报告核验 - 交通运输信用信息公示';
  const heading = el('section', { class: 'card' }, el('h2', {}, '信用报告核验'), reportForm(code));
  if (!code) return show(heading);
  show(heading, el('p', { class: 'meta' }, '正在核验…'));
  let report;
  try {
    report = await getJson(`/public/v1/reports/${encodeURIComponent(code)}`);
  } catch (error) {
    return show(heading, el('p', { class: 'error', role: 'alert' }, error.message));
  }
  const trusted = report.intact && report.logged;
  show(
    heading,
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'h-verdict' },
      el('h3', { id: 'h-verdict', class: trusted ? 'ok' : 'error' }, trusted ? '核验通过：该报告由本平台出具，内容未被改动。' : '核验未通过：请勿采信该报告。'),
      el(
        'dl',
        { class: 'facts' },
        el('dt', {}, '报告对象'),
        el('dd', {}, el('a', { href: `#/subjects/${report.uscc}` }, report.name)),
        el('dt', {}, '统一社会信用代码'),
        el('dd', {}, report.uscc),
        el('dt', {}, '验证码'),
        el('dd', {}, report.code),
        el('dt', {}, '出具时间'),
        el('dd', {}, new Date(report.issuedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })),
        el('dt', {}, '内容哈希'),
        el('dd', { class: 'hash' }, report.contentHash),
        el('dt', {}, '内容一致'),
        el('dd', {}, report.intact ? '一致：保存的报告内容与出具时的哈希相符。' : '不一致：保存的报告内容与出具时的哈希不符。'),
        el('dt', {}, '公示记录'),
        el(
          'dd',
          {},
          report.logged ? `公示记录第 ${report.logSeq} 条仍载有该报告的哈希。` : '公示记录中未找到该报告的哈希。',
          ' ',
          el('a', { href: '#/publication-log' }, '核验记录链'),
        ),
        el('dt', {}, '是否最新'),
        el('dd', {}, report.current === false ? '否：出具后报告所载信息发生了变化，见下方说明。' : '是：出具后报告所载信息未发生变化。'),
      ),
    ),
    reportCurrency(report),
    reportContents(report.profile || {}),
  );
}

/** What a permit's validity means for the vehicle on the road (issue 18 item 6: the page its QR code opens). */
const PERMIT_VALIDITY = {
  valid: ['ok', '有效：该许可证在有效期内，车辆须按许可的时间、路线通行。'],
  'not-yet-valid': ['error', '尚未生效：有效期开始前不得凭该许可证通行。'],
  expired: ['error', '已过期：有效期已届满，不得再凭该许可证通行。'],
  revoked: ['error', '已撤销：该许可证已被许可机关撤销，不得凭其通行。'],
};

async function renderPermit(permitNo) {
  document.title = '超限运输许可证核验 - 交通运输信用信息公示';
  show(el('p', { class: 'meta' }, '正在核验…'));
  const p = await getJson(`/public/v1/permits/${encodeURIComponent(permitNo)}`);
  const [tone, verdict] = PERMIT_VALIDITY[p.validity] || ['error', '状态未知，请向许可机关核实。'];
  const plates = p.trailerPlate ? `${p.tractorPlate}（牵引车） · ${p.trailerPlate}（挂车）` : p.tractorPlate;
  show(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'h-permit' },
      el('h2', { id: 'h-permit' }, '超限运输车辆通行许可证核验'),
      el('p', { class: `${tone} verdict`, role: 'status' }, verdict),
      el(
        'dl',
        { class: 'facts' },
        el('dt', {}, '许可证编号'),
        el('dd', {}, p.permitNo),
        el('dt', {}, '承运企业'),
        el('dd', {}, el('a', { href: `#/subjects/${p.carrierUscc}` }, p.carrierName)),
        el('dt', {}, '统一社会信用代码'),
        el('dd', {}, p.carrierUscc),
        el('dt', {}, '车辆号牌'),
        el('dd', {}, plates),
        el('dt', {}, '许可类别'),
        el('dd', {}, `${p.permitClass} 类`),
        el('dt', {}, '通行路线'),
        el('dd', {}, `${p.origin} 至 ${p.destination}`),
        el('dt', {}, '途经省份'),
        el('dd', {}, (p.provinceNames && p.provinceNames.length ? p.provinceNames : (p.provinces || []).map((c) => `行政区划 ${c}`)).join('、')),
        el('dt', {}, '有效期'),
        el('dd', {}, `${date(`${p.validFrom}T00:00:00+08:00`)} 至 ${date(`${p.validUntil}T00:00:00+08:00`)}`),
        el('dt', {}, '许可机关'),
        el('dd', {}, p.issuingAuthority || `行政区划 ${p.issuedBy}`),
      ),
      el('p', { class: 'meta' }, '车辆号牌已作脱敏处理。许可证仅限所载车辆在有效期内按许可路线使用，不得转让。'),
    ),
  );
  document.getElementById('main').focus();
}

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  try {
    let m;
    if ((m = /^\/subjects\/([^/]+)$/.exec(hash))) await renderSubject(m[1]);
    else if ((m = /^\/search\/(.+)$/.exec(hash))) await renderSearch(m[1]);
    else if ((m = /^\/publication-log(?:\/([^/]+))?$/.exec(hash))) await renderLog(m[1]);
    else if ((m = /^\/lists\/([^/]+)$/.exec(hash))) await renderList(m[1]);
    else if (hash === '/lists') renderListIndex();
    else if ((m = /^\/reports(?:\/([^/]+))?$/.exec(hash))) await renderReport(m[1]);
    else if ((m = /^\/permits\/([^/]+)$/.exec(hash))) await renderPermit(m[1]);
    else show();
  } catch (error) {
    showError(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = document.getElementById('q').value.trim();
    if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
  });
  window.addEventListener('hashchange', route);
  route();
});
