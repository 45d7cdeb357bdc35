import { api } from '../api.js';
import { field, h } from '../dom.js';
import { submitting } from '../forms.js';
import { currentLang, formatDateTime, t } from '../i18n.js';
import { showProblem } from '../problems.js';
import { scanWithCamera } from '../qr-camera.js';

// Checking a presented certificate: the HC1 text (scanned or pasted) and the arrival country go to
// certification's own verification route, so this page judges exactly as the online verifier does;
// the verdict names the check or each rule that failed, and the versions it was judged with.
export async function render(view) {
  const result = h('section', { class: 'result', 'aria-live': 'polite' });
  view.append(h('h2', {}, t('check.heading')), checkForm(result), result);
}

function checkForm(result) {
  const hc1 = h('textarea', { name: 'hc1', rows: 4, autocomplete: 'off', spellcheck: 'false', required: true });
  const country = h('input', { name: 'country', value: 'VN', maxlength: 2, autocomplete: 'off', class: 'short' });
  const video = h('video', { playsinline: true, muted: true, hidden: true, 'aria-label': t('desk.camera') });
  const camera = h('button', { type: 'button', class: 'secondary' }, t('desk.scan'));
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    field('check-hc1', 'check.hc1', hc1, t('check.hc1Hint')),
    camera,
    video,
    field('check-country', 'check.country', country, t('check.countryHint')),
    h('button', { type: 'submit' }, t('check.submit')),
  );
  let scanning = null;
  camera.addEventListener('click', async () => {
    if (scanning) return scanning.abort();
    scanning = new AbortController();
    video.hidden = false;
    try {
      const text = await scanWithCamera(video, scanning.signal);
      if (text) ((hc1.value = text), form.requestSubmit());
    } catch (error) {
      showProblem(form, { localized: t('desk.cameraUnavailable', { reason: error.message }) });
    } finally {
      video.hidden = true;
      scanning = null;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.replaceChildren();
    const arrival = country.value.trim().toUpperCase();
    const verdict = await submitting(form, () =>
      api('POST', '/api/certificate-checks', { hc1: hc1.value.trim(), ...(arrival ? { country: arrival } : {}) }),
    );
    if (verdict) result.replaceChildren(...verdictView(verdict));
  });
  return form;
}

function verdictView(v) {
  const lang = currentLang();
  const rules = (v.failedRules || []).map((r) =>
    h(
      'li',
      {},
      `${r.id} (${r.country} ${r.version}): ${(r.description && (r.description[lang] || r.description.en)) || ''}`,
    ),
  );
  return [
    h(
      'p',
      { class: v.valid ? 'ok' : 'error', 'data-verdict': v.valid ? 'valid' : 'invalid' },
      t(v.valid ? 'check.valid' : 'check.invalid'),
    ),
    v.failed ? h('p', {}, t('check.failedCheck', { check: v.failed, reason: v.reason || '' })) : null,
    rules.length ? h('div', {}, h('p', {}, t('check.failedRules')), h('ul', {}, rules)) : null,
    v.holder ? h('p', {}, t('check.holder', { name: v.holder.name, dob: v.holder.dateOfBirth || '—' })) : null,
    v.expiresAt ? h('p', {}, t('check.expires', { at: formatDateTime(v.expiresAt) })) : null,
    v.versions
      ? h(
          'p',
          { class: 'muted' },
          t('check.versions', {
            schema: v.versions.schema,
            valueSets: v.versions.valueSets || '—',
            rules: v.versions.rules || '—',
          }),
        )
      : null,
  ];
}
