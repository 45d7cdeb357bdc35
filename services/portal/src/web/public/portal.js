// The portal's status page: every text comes from i18n/<lang>.json; Vietnamese unless the person chose English.
(function () {
  'use strict';
  var lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
  var texts = {};

  function t(key) {
    return texts[key] || key;
  }

  function formatTime(date) {
    // Vietnamese convention: HH:mm dd/MM/yyyy.
    var pad = function (n) {
      return String(n).padStart(2, '0');
    };
    return (
      pad(date.getHours()) +
      ':' +
      pad(date.getMinutes()) +
      ' ' +
      pad(date.getDate()) +
      '/' +
      pad(date.getMonth() + 1) +
      '/' +
      date.getFullYear()
    );
  }

  function renderStatus(status) {
    var list = document.getElementById('services');
    list.replaceChildren();
    status.services.forEach(function (s) {
      var item = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = t('service.' + s.service);
      var state = document.createElement('span');
      state.className = s.ready ? 'ready' : 'down';
      state.textContent = s.ready ? t('ready') : t('down');
      item.append(name, state);
      list.append(item);
    });
    document.getElementById('checked-at').textContent = t('checkedAt') + ' ' + formatTime(new Date());
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    document.title = t('title');
  }

  function load() {
    return fetch('/assets/i18n/' + lang + '.json')
      .then(function (r) {
        return r.json();
      })
      .then(function (json) {
        texts = json;
        applyTexts();
        return fetch('/api/platform-status')
          .then(function (r) {
            return r.json();
          })
          .then(renderStatus);
      });
  }

  document.querySelectorAll('[data-lang]').forEach(function (button) {
    button.addEventListener('click', function () {
      lang = button.getAttribute('data-lang');
      localStorage.setItem('lang', lang);
      load();
    });
  });
  load();
})();
