import { api } from '../api.js';
import { field, h } from '../dom.js';
import { clearProblem, showProblem } from '../problems.js';
import { dateInput, isoDate } from '../forms.js';
import { formatDateTime, t } from '../i18n.js';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

// The site head (or commune chairman) signs the day's verified list, which makes those records legally valid.
export async function render(view, state) {
  const scopedSite = state.session.scope.startsWith('site:') ? state.session.scope.slice(5) : '';
  const siteId = h('input', { name: 'siteId', value: scopedSite, required: true, readonly: !!scopedSite });
  const day = dateInput('day', { value: today(), required: true });
  const list = h('section', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card' },
    field('attest-site', 'attest.site', siteId),
    field('attest-day', 'attest.day', day, t('date.hint')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => show() }, t('attest.show')),
      h('button', { type: 'submit' }, t('attest.sign')),
    ),
  );
  async function show() {
    clearProblem(form);
    try {
      const { attestations } = await api(
        'GET',
        `/api/attestations?siteId=${encodeURIComponent(siteId.value)}&day=${encodeURIComponent(isoDate(day.value))}`,
      );
      list.replaceChildren(
        attestations.length === 0
          ? h('p', {}, t('attest.none'))
          : h(
              'ul',
              { class: 'attestations' },
              attestations.map((a) =>
                h(
                  'li',
                  {},
                  h('strong', {}, t('attest.signedBy', { who: a.signedBy, at: formatDateTime(a.signedAt) })),
                  ' — ',
                  t('attest.count', { n: a.entries.length }),
                  ' — ',
                  h(
                    'span',
                    { class: a.signatureValid ? 'verified' : 'mismatched' },
                    t(a.signatureValid ? 'attest.valid' : 'attest.invalid'),
                  ),
                ),
              ),
            ),
      );
    } catch (error) {
      showProblem(form, error);
    }
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    try {
      await api('POST', '/api/attestations', { siteId: siteId.value, day: isoDate(day.value) });
      await show();
    } catch (error) {
      showProblem(form, error);
    }
  });
  view.append(h('h2', {}, t('attest.heading')), h('p', { class: 'hint' }, t('attest.explain')), form, list);
  await show();
}
