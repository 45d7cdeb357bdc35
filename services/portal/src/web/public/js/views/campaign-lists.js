import { ApiProblem, api, download, upload } from '../api.js';
import { field, h } from '../dom.js';
import { clearProblem, showProblem } from '../problems.js';
import { formatDateTime, t, tOr } from '../i18n.js';
import { dateInput, isoDate } from '../forms.js';
import { appendTo, showMore } from '../show-more.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// By the file's extension, not the browser's guess: Windows with Excel labels a .csv as application/vnd.ms-excel.
const typeOf = (name) => (/\.xlsx$/i.test(name) ? XLSX : /\.(csv|txt)$/i.test(name) ? 'text/csv' : null);
const IMPORTS = '/api/manager/campaigns/imports';
const reportPath = (importId) => `/api/manager/campaigns/imports/${encodeURIComponent(importId)}/report`;

/** Old lists uploaded (summary and per-row report), and a campaign started over finished ones with a deadline. */
export async function campaignListsPanel() {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'lists-heading' },
    h('h3', { id: 'lists-heading' }, t('campaign.lists')),
  );
  let presets, imports;
  try {
    [presets, imports] = await Promise.all([
      api('GET', '/api/manager/campaigns/imports/presets').then((r) => r.presets),
      api('GET', IMPORTS), // { imports, nextCursor }: the first page
    ]);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) throw error;
    return (section.append(h('p', { class: 'form-error' }, t('problem.upstream-unavailable'))), section);
  }
  const startForm = h('div');
  const renderStart = (list) => startForm.replaceChildren(startCampaignForm(list));
  renderStart(imports);
  section.append(
    uploadForm(presets, async () => renderStart(await api('GET', IMPORTS))),
    startForm,
  );
  return section;
}

function uploadForm(presets, onImported) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv,' + XLSX, required: true });
  const preset = h(
    'select',
    { name: 'preset' },
    presets.map((p) =>
      h('option', { value: p }, t(`campaign.preset.${p}`) === `campaign.preset.${p}` ? p : t(`campaign.preset.${p}`)),
    ),
  );
  const result = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, t('campaign.upload'));
  const form = h(
    'form',
    { novalidate: true },
    h('h4', {}, t('campaign.uploadHeading')),
    field('list-file', 'campaign.file', file, t('campaign.fileHint')),
    field('list-preset', 'campaign.mapping', preset),
    h('div', { class: 'actions' }, submit),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    result.replaceChildren();
    const chosen = file.files?.[0];
    const type = chosen && typeOf(chosen.name);
    if (!type) return showProblem(form, { localized: t('campaign.fileType') });
    submit.disabled = true;
    result.replaceChildren(h('p', { class: 'hint' }, t('campaign.uploading', { name: chosen.name })));
    try {
      const query = new URLSearchParams({ name: chosen.name, preset: preset.value });
      const summary = await upload(`/api/manager/campaigns/imports?${query}`, chosen, type);
      result.replaceChildren(summaryView(summary));
      await onImported();
    } catch (error) {
      showProblem(form, error);
      result.replaceChildren(unplacedProblems(form, error));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Problems of no input on the form (a column missing from the file's header row), listed under it. */
function unplacedProblems(form, error) {
  const rest = (error.problem?.errors ?? []).filter((e) => !form.querySelector(`[name="${e.field}"]`));
  const text = (key, fallback) => (t(key) === key ? fallback : t(key));
  return h(
    'ul',
    { class: 'form-error' },
    rest.map((e) => h('li', {}, `${text(`legacyField.${e.field}`, e.field)}: ${text(`rule.${e.rule}`, e.message)}`)),
  );
}

/** A report's problem key, `field:rule` as the import names it, in words: "Cột ngày sinh: không phải ngày". */
function problemText(key) {
  const [fieldName, rule] = key.split(':');
  return `${tOr([`legacyField.${fieldName}`, `field.${fieldName}`, fieldName])}: ${tOr([`rule.${rule}`, 'rule.invalid'])}`;
}

function summaryView(s) {
  const top = Object.entries(s.problems ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return h(
    'div',
    { class: 'notice', role: 'status' },
    h('p', {}, t('campaign.imported', { id: s.importId })),
    h(
      'ul',
      {},
      h('li', {}, t('campaign.rowsRead', { n: s.rowsRead })),
      h('li', {}, t('campaign.accepted', { n: s.accepted, noId: s.withoutUsableId })),
      h('li', {}, t('campaign.rejected', { n: s.rejected })),
      s.withProblems ? h('li', {}, t('campaign.withProblems', { n: s.withProblems })) : null,
    ),
    top.length
      ? h('p', {}, t('campaign.topProblems', { list: top.map(([k, n]) => `${problemText(k)} (${n})`).join(', ') }))
      : null,
    reportButton(s.importId),
  );
}

const reportButton = (importId) =>
  h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => download(reportPath(importId), `import-${importId}-report.csv`),
    },
    t('campaign.report'),
  );

/** A campaign over finished lists: `first` is the lists' first page ({ imports, nextCursor }); more on demand. */
function startCampaignForm(first) {
  const finishedOf = (page) => page.imports.filter((i) => i.finishedAt);
  const finished = finishedOf(first);
  const form = h('form', { novalidate: true }, h('h4', {}, t('campaign.startHeading')));
  if (!finished.length && !first.nextCursor)
    return (form.append(h('p', { class: 'hint' }, t('campaign.noImports'))), form);
  const name = h('input', { type: 'text', name: 'name', required: true, minlength: 3, maxlength: 200 });
  const deadline = dateInput('deadline', { required: true });
  const choices = h('fieldset', {}, h('legend', {}, t('campaign.importIds')), finished.map(importChoice));
  const more = showMore({
    path: IMPORTS,
    nextCursor: first.nextCursor,
    shown: finished.length,
    itemsOf: finishedOf,
    append: (imports) => appendTo(choices, imports.map(importChoice)),
  });
  const done = h('div', { 'aria-live': 'polite' });
  form.append(
    field('campaign-name', 'campaign.name', name),
    ...[choices, more].filter(Boolean),
    field('campaign-deadline', 'campaign.deadline', deadline, `${t('date.hint')}. ${t('campaign.deadlineHint')}`),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('campaign.start'))),
    done,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    const importIds = [...form.querySelectorAll('input[name="importIds"]:checked')].map((c) => c.value);
    try {
      const started = await api('POST', '/api/manager/campaigns', {
        name: name.value.trim(),
        importIds,
        deadline: isoDate(deadline.value),
      });
      done.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('campaign.started', { name: started.name })));
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function importChoice(i) {
  return h(
    'label',
    { class: 'check' },
    h('input', { type: 'checkbox', name: 'importIds', value: i.importId }),
    t('campaign.importOption', {
      name: i.sourceName,
      at: formatDateTime(i.startedAt),
      accepted: i.rowsAccepted,
      rejected: i.rowsRejected,
    }),
  );
}
