import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';

/**
 * What the platform sent the citizen about the complaint (the SMS texts), newest last, so someone
 * who lost or never got a message can still read it here.
 */
export function sentMessages(messages) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sent-messages' },
    h('h3', { id: 'sent-messages' }, t('complaint.messages')),
    messages.length
      ? h(
          'ol',
          { class: 'sent-messages' },
          messages.map((m) =>
            h('li', {}, h('time', { datetime: m.sentAt }, formatDateTime(m.sentAt)), h('p', {}, m.text)),
          ),
        )
      : h('p', { class: 'hint' }, t('complaint.noMessages')),
  );
}
