import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';

// DEVELOPMENT ONLY: the messages the platform would have sent, so a tester can read a sign-in code.
export async function render(view) {
  const { messages } = await api('GET', '/api/dev/outbox');
  view.append(
    h('p', { class: 'dev-banner', role: 'note' }, t('dev.banner')),
    h('h2', {}, t('dev.outbox')),
    h(
      'ul',
      { class: 'outbox' },
      messages.map((m) =>
        h('li', {}, h('strong', {}, m.recipient), h('span', {}, formatDateTime(m.sentAt)), h('p', {}, m.body)),
      ),
    ),
  );
}
