// KI-Bürgerassistent Leoben: the chat widget for the city's website. One <script> tag loads it:
//   <script src="https://assistent.leoben.at/widget/assistant.js" data-lang="de"
//           data-color="#005a9c" data-position="bottom-right" defer></script>
// Plain JS, no framework, no inline code (works under a CSP without 'unsafe-inline'; colours are
// set as CSS custom properties through the CSSOM, which such a CSP allows). Every text from the
// service is set with textContent, so model output can never become markup.
(() => {
  'use strict';
  const script = document.currentScript;
  const base = new URL(script.src, document.baseURI).origin;
  const TEXT = {
    de: {
      title: 'KI-Bürgerassistent der Stadt Leoben',
      intro: 'Sie sprechen mit einem KI-System der Stadt Leoben. Es beantwortet Fragen zu Leistungen der Stadt auf Grundlage der Informationen der Stadt. Antworten können Fehler enthalten und sind nicht verbindlich. Verantwortlich ist eine Mitarbeiterin bzw. ein Mitarbeiter der Stadt (siehe Transparenzseite). Sie können jederzeit mit einem Menschen sprechen.',
      transparency: 'Mehr zur KI der Stadt (Transparenz)', responsible: 'Verantwortlich für die Antworten:',
      privacy: 'Bitte geben Sie keine persönlichen Daten ein. Ihre Unterhaltung bleibt nur in diesem Browser-Tab gespeichert; Sie können sie jederzeit löschen.',
      label: 'Ihre Frage', send: 'Senden', stop: 'Stopp', human: 'Mit einem Menschen sprechen',
      erase: 'Unterhaltung löschen', erased: 'Die Unterhaltung wurde gelöscht.',
      badge: 'KI-generiert', badgeHelp: 'Diese Antwort wurde von einem KI-System erstellt und kann Fehler enthalten.',
      fallback: 'Antwort der Stadt (keine KI)', sources: 'Quellen', open: 'jetzt geöffnet', closed: 'geschlossen',
      up: 'Hilfreich', down: 'Nicht hilfreich', thanks: 'Danke für Ihre Rückmeldung!',
      broken: 'Die Antwort konnte nicht vollständig geladen werden. Bitte wenden Sie sich an das Bürgerservice:',
      queued: 'Gerade stellen viele Menschen gleichzeitig Fragen. Sie sind an {position}. Stelle; die Antwort beginnt voraussichtlich in etwa {seconds} Sekunden.',
      you: 'Sie', assistant: 'Assistent', language: 'English', languages: 'Sprache', done: 'Die Antwort ist fertig',
      plain: 'Einfache Sprache', launcher: 'KI-Bürgerassistent', close: 'Schließen',
      why: 'Was war nicht hilfreich? (freiwillig)', comment: 'Kommentar (freiwillig, bitte ohne persönliche Daten)', sendFeedback: 'Rückmeldung senden',
      reasons: { wrong: 'falsch', outdated: 'veraltet', unclear: 'unverständlich', incomplete: 'unvollständig', offensive: 'verletzend', other: 'anderes' },
      severity: { info: 'Hinweis der Stadt', warning: 'Achtung', emergency: 'Notfall' }, more: 'Mehr dazu',
      aiOff: 'Die KI-Antworten sind zurzeit abgeschaltet. Sie erhalten Informationen der Stadt und die Kontaktmöglichkeiten, aber keine KI-generierten Antworten.',
      handover: 'Anliegen an die Stadt weitergeben',
      handoverIntro: 'Ihre letzte Frage geht an die zuständige Dienststelle der Stadt Leoben. Eine Mitarbeiterin oder ein Mitarbeiter antwortet Ihnen.',
      includeConversation: 'Die bisherige Unterhaltung mitschicken',
      contactWay: 'Wie dürfen wir Sie erreichen?', contactNone: 'Gar nicht – ich lese die Antwort hier nach', contactEmail: 'Per E-Mail', contactPhone: 'Per Telefon',
      email: 'E-Mail-Adresse', phone: 'Telefonnummer', note: 'Ihre Nachricht an die Stadt (freiwillig)',
      consent: 'Ich stimme zu, dass die Stadt Leoben meine Frage, meine Nachricht und meine Kontaktangabe zur Beantwortung meines Anliegens verarbeitet. Die Daten werden 30 Tage nach Abschluss des Anliegens gelöscht; ich kann das Anliegen jederzeit selbst löschen.',
      handoverSend: 'Weitergeben', handoverFailed: 'Das Anliegen konnte nicht weitergegeben werden.',
      caseCheck: 'Antwort auf mein Anliegen abrufen', caseWaiting: 'Noch keine Antwort. Zugesagt bis:',
      caseReply: 'Antwort von', casePerson: 'verfasst von einer Mitarbeiterin bzw. einem Mitarbeiter der Stadt',
      caseNumber: 'Ihre Anliegen-Nummer:', caseDelete: 'Anliegen löschen', caseDeleted: 'Ihr Anliegen wurde gelöscht.',
      caseStatus: { OPEN: 'eingelangt', CLAIMED: 'in Bearbeitung', ANSWERED: 'beantwortet', CLOSED: 'abgeschlossen' }
    },
    en: {
      title: 'AI citizen assistant of the City of Leoben',
      intro: 'You are talking to an AI system of the City of Leoben. It answers questions about city services based on the city\u2019s information. Answers may contain mistakes and are not binding. A member of the city\u2019s staff is responsible (see the transparency page). You can talk to a person at any time.',
      transparency: 'More about the city\u2019s AI (transparency)', responsible: 'Responsible for the answers:',
      privacy: 'Please do not enter personal data. Your conversation is kept only in this browser tab; you can delete it at any time.',
      label: 'Your question', send: 'Send', stop: 'Stop', human: 'Talk to a person',
      erase: 'Delete conversation', erased: 'The conversation has been deleted.',
      badge: 'KI-generiert', badgeHelp: 'AI-generated: this answer was written by an AI system and may contain mistakes.',
      fallback: 'Answer of the city (no AI)', sources: 'Sources', open: 'open now', closed: 'closed',
      up: 'Helpful', down: 'Not helpful', thanks: 'Thank you for your feedback!',
      broken: 'The answer could not be loaded completely. Please contact the citizen service:',
      queued: 'Many people are asking questions right now. You are number {position} in line; the answer should begin in about {seconds} seconds.',
      you: 'You', assistant: 'Assistant', language: 'Deutsch', languages: 'Language', done: 'The answer is ready',
      plain: 'Plain language', launcher: 'AI assistant', close: 'Close',
      why: 'What was not helpful? (optional)', comment: 'Comment (optional, please no personal data)', sendFeedback: 'Send feedback',
      reasons: { wrong: 'wrong', outdated: 'outdated', unclear: 'unclear', incomplete: 'incomplete', offensive: 'offensive', other: 'other' },
      severity: { info: 'Notice from the city', warning: 'Warning', emergency: 'Emergency' }, more: 'More',
      aiOff: 'AI answers are switched off at the moment. You get the city\u2019s information and the ways to reach the city, but no AI-generated answers.',
      handover: 'Hand your question to the city',
      handoverIntro: 'Your last question goes to the responsible office of the City of Leoben. A member of staff will answer you.',
      includeConversation: 'Include the conversation so far',
      contactWay: 'How may we reach you?', contactNone: 'Not at all \u2013 I will read the reply here', contactEmail: 'By e-mail', contactPhone: 'By phone',
      email: 'E-mail address', phone: 'Phone number', note: 'Your message to the city (optional)',
      consent: 'I agree that the City of Leoben processes my question, my message and my contact details to answer my request. The data is deleted 30 days after the case is closed; I can delete the case myself at any time.',
      handoverSend: 'Hand over', handoverFailed: 'The question could not be handed over.',
      caseCheck: 'Check for the reply to my question', caseWaiting: 'No reply yet. Promised by:',
      caseReply: 'Reply from', casePerson: 'written by a member of the city\u2019s staff',
      caseNumber: 'Your case number:', caseDelete: 'Delete my case', caseDeleted: 'Your case has been deleted.',
      caseStatus: { OPEN: 'received', CLAIMED: 'in progress', ANSWERED: 'answered', CLOSED: 'closed' }
    }
  };
  // Personal data in a draft, found in the browser before anything is sent (issue 18): e-mail,
  // phone, IBAN, Austrian social-security number, street address. A simpler reading than the
  // service's (privacy package), which still redacts whatever is sent; the checksums keep file
  // numbers, prices and dates from raising the warning.
  const STREET_SUFFIX = '(?:[Ss]tra(?:ß|ss)e|[Ss]tr\\.|[Gg]asse|[Ww]eg|[Pp]latz|[Aa]llee|[Rr]ing|[Zz]eile|[Kk]ai|[Pp]romenade|[Uu]fer)';
  const FINDERS = {
    email: /[\p{L}\p{N}._%+-]{1,64}(?:@| ?[([][Aa][Tt][)\]] ?)(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}])/gu,
    phone: /(?<![\p{L}\p{N}+/.,:-])(?:\+|\(0|0)(?:(?:[ /.-]|\) ?| ?\(0\) ?)?\d){6,16}(?!\d|[.,]\d)/gu,
    iban: /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/gu,
    svnr: /(?<![\p{L}\p{N}+,./-])[1-9]\d{3} ?\d{6}(?!\d|[.,/-]\d)/gu,
    address: new RegExp('(?<![\\p{L}\\p{N}.-])(?:\\p{Lu}[\\p{L}.-]* )?[\\p{L}.-]*' + STREET_SUFFIX
      + ' {0,2}\\d{1,3}[a-z]?(?: ?/ ?\\d{1,3}[a-z]?){0,2}(?![\\p{L}\\p{N}])', 'gu')
  };
  const CITY_MAIL = /@(?:[\p{L}\p{N}-]+\.)*leoben\.at$/iu;
  const DATE = /^\(?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)?$/;
  // "Antrag Nr. 0815/2024", "GZ 0123-45": after these words a number is a file number.
  const FILE_NUMBER = /(?:^|[^\p{L}])(?:gz|zl|az|ref|akt\p{L}*|zahl|antrag\p{L}*|rechnung\p{L}*|bescheid\p{L}*|vertrag\p{L}*|kundennummer|fall\p{L}*|vorgang\p{L}*|ticket\p{L}*|auftrag\p{L}*|bestellnummer|steuernummer|referenz\p{L}*)\.?(?: (?:nr|no|nummer)\.?)?:? ?$/iu;
  // Words that end like a street but name something else ("Parkplatz 3"), units after a number ("Platz 3 Stunden").
  const NOT_STREETS = /(?:park|spiel|arbeits|stell|sitz|sport|camping|betreuungs|kindergarten|krippen|ausbildungs|pflege|heim|bau|lager|abstell|rad|geh|fu(?:ß|ss)|schul|um|rück|aus|wander|rechts|dienst|post|flucht|rettungs)(?:platz|weg) /iu;
  const MEASURE = /^ ?(?:uhr|min|minuten|std|stunden?|tage?n?|wochen?|monate?n?|jahre?n?|m|km|cm|meter|euro|eur|€|%|prozent|mal|stück|personen|kinder|plätze)(?![\p{L}])/iu;
  const digits = (text) => text.replace(/\D/g, '');
  const mod97 = (compact) => {
    const moved = (compact.slice(4) + compact.slice(0, 4)).toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    let rest = 0;
    for (const d of moved) rest = (rest * 10 + Number(d)) % 97;
    return rest === 1;
  };
  const validSvnr = (d) => {
    const weights = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];
    const check = [...d].reduce((sum, c, i) => sum + weights[i] * Number(c), 0) % 11;
    const day = Number(d.slice(4, 6));
    const month = Number(d.slice(6, 8));
    return check !== 10 && check === Number(d[3]) && day >= 1 && day <= 31 && month >= 1 && month <= 12;
  };
  // The longest valid IBAN from the start of a candidate: it may run into the word after it.
  const ibanLength = (candidate) => {
    for (let end = candidate.length; end >= 15; end--) {
      const part = candidate.slice(0, end);
      const compact = part.replace(/[ -]/g, '');
      if (compact.length >= 15 && compact.length <= 34 && !/[ -]$/.test(part) && mod97(compact)) return end;
    }
    return 0;
  };
  const KEEP = {
    email: (m) => !CITY_MAIL.test(m[0].replace(/ ?[([][Aa][Tt][)\]] ?/, '@')),
    phone: (m) => !DATE.test(m[0]) && !FILE_NUMBER.test(m.input.slice(0, m.index)) && digits(m[0]).length >= (/^(\+|00)/.test(m[0]) ? 9 : 7),
    svnr: (m) => validSvnr(digits(m[0])),
    address: (m) => !NOT_STREETS.test(m[0] + ' ') && !MEASURE.test(m.input.slice(m.index + m[0].length))
  };
  /** The personal data in a text: [{ kind, start, end }], in order, not overlapping. */
  const personalData = (text) => {
    const found = [];
    for (const [kind, pattern] of Object.entries(FINDERS)) {
      for (const m of text.matchAll(pattern)) {
        if (kind === 'iban') {
          const length = ibanLength(m[0]);
          if (length) found.push({ kind, start: m.index, end: m.index + length });
        } else if (!KEEP[kind] || KEEP[kind](m)) {
          found.push({ kind, start: m.index, end: m.index + m[0].length });
        }
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    return found.filter((hit, i) => !found.slice(0, i).some((other) => other.end > hit.start));
  };

  /** The text without the found data, spaces tidied: what "remove it" leaves in the field. */
  const withoutData = (text, found) => {
    let rest = text;
    for (const hit of [...found].reverse()) rest = rest.slice(0, hit.start) + rest.slice(hit.end);
    return rest.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.;:!?])/g, '$1').replace(/([,;:]){2,}/g, '$1').trim();
  };

  // Bundle texts over the texts the widget has: "reasons.wrong" into the group reasons, a key
  // without a group of that name ("pii.email") as it is.
  const mergeTexts = (target, texts) => {
    for (const [key, value] of Object.entries(texts)) {
      const [group, name] = key.split('.');
      if (name && typeof target[group] === 'object') target[group][name] = value; else target[key] = value;
    }
    return target;
  };
  // German as the base of another language, its groups copied so that German stays German.
  const germanCopy = () => Object.fromEntries(Object.entries(TEXT.de).map(([key, value]) => [key, typeof value === 'object' ? { ...value } : value]));

  const KEY = 'leoben-assistant';
  const PLAIN_KEY = 'leoben-assistant-plain';

  // sessionStorage may be unavailable (blocked storage, sandboxed page): the widget still works.
  const tab = {
    get(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } },
    set(key, value) { try { sessionStorage.setItem(key, value); } catch (e) { /* not remembered */ } },
    remove(key) { try { sessionStorage.removeItem(key); } catch (e) { /* nothing kept */ } }
  };

  // The embedding tag's data- attributes. Unknown values fall back to the defaults, with a warning
  // in the console for the web team; so does a colour too weak for the white text on it.
  const DEFAULT_COLOR = '#005a9c';
  const POSITIONS = ['bottom-right', 'bottom-left', 'inline'];
  const MIN_CONTRAST = 4.5;
  // Light backgrounds of the widget on which the colour is also used for text (links, headings),
  // besides the notice's tint of the colour itself.
  const LIGHT_BACKGROUNDS = ['#ffffff', '#f3fbf4'];

  const warn = (message) => console.warn('KI-Bürgerassistent: ' + message);

  const rgb = (hex) => {
    const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
    return digits.map((d) => parseInt(d, 16));
  };
  const hex = (channels) => '#' + channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
  // WCAG 2.1 relative luminance and contrast ratio.
  const luminance = (color) => {
    const [r, g, b] = rgb(color).map((c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  // A pale tint of the colour for the notice's background.
  const tint = (color) => hex(rgb(color).map((c) => c * 0.08 + 255 * 0.92));

  const settings = (() => {
    const data = script.dataset;
    let lang = 'de';
    // German and English are built in; the other languages' texts come from the service's bundles.
    if (data.lang !== undefined && /^[a-z]{2}$/.test(data.lang)) lang = data.lang;
    else if (data.lang !== undefined) warn('data-lang="' + data.lang + '" is not a language code like "de" or "tr"; using "de".');
    let position = POSITIONS[0];
    if (POSITIONS.includes(data.position)) position = data.position;
    else if (data.position !== undefined) warn('data-position="' + data.position + '" is not one of ' + POSITIONS.join(', ') + '; using "' + position + '".');
    let color = null;
    if (data.color !== undefined) {
      const value = data.color.trim().toLowerCase();
      if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/.test(value)) {
        warn('data-color="' + data.color + '" is not a colour like #005a9c; using the default ' + DEFAULT_COLOR + '.');
      } else {
        const weakest = Math.min(...[...LIGHT_BACKGROUNDS, tint(value)].map((bg) => contrast(value, bg)));
        if (weakest < MIN_CONTRAST) {
          warn('data-color="' + data.color + '" gives only ' + weakest.toFixed(2) + ':1 contrast with the white text on it or the light backgrounds it is text on (at least '
            + MIN_CONTRAST + ':1 is needed, WCAG 2.1 AA); using the default ' + DEFAULT_COLOR + '.');
        } else {
          color = value;
        }
      }
    }
    return { lang, position, color };
  })();

  class LeobenAssistant extends HTMLElement {
    connectedCallback() {
      const wanted = /^[a-z]{2}$/.test(this.getAttribute('lang') || '') ? this.getAttribute('lang') : settings.lang;
      // German until the service has confirmed another language and sent its texts.
      this.lang = TEXT[wanted] ? wanted : 'de';
      this.dir = 'ltr';
      this.position = settings.position;
      this.plain = tab.get(PLAIN_KEY) === 'true';
      this.expanded = false;
      this.applyLook();
      this.render();
      if (this.position !== 'inline') {
        this.uncoverFocus = (event) => this.uncover(event.target);
        document.addEventListener('focusin', this.uncoverFocus);
      }
      this.loadLanguages();
      // The texts only the bundles have (the warning) may be needed before they arrive: see submit.
      this.textsReady = TEXT[wanted] ? this.loadStarters() : this.switchTo(wanted, true);
    }

    disconnectedCallback() {
      if (this.uncoverFocus) document.removeEventListener('focusin', this.uncoverFocus);
    }

    // Questions to start with, in the widget's language, until the first message is sent; and the
    // German or English texts that live only in the service's bundles (warning, read aloud, download).
    async loadStarters() {
      const lang = this.lang;
      try {
        const response = await fetch(base + '/api/v1/languages/' + encodeURIComponent(lang) + '/widget');
        if (!response.ok || lang !== this.lang) return;
        const data = await response.json();
        mergeTexts(TEXT[lang], data.texts);
        this.starters = data.starters;
        this.showStarters();
        this.showDownload();
      } catch (e) { /* no starters: the field alone works */ }
    }

    showStarters() {
      const old = this.querySelector('#la-starters');
      if (old) old.remove();
      if (!this.starters || !this.starters.length || this.session() || this.log.children.length) return;
      const list = this.el('ul', { id: 'la-starters', class: 'la-starters' });
      for (const question of this.starters) {
        const button = this.el('button', { type: 'button', class: 'la-starter' }, question);
        button.addEventListener('click', () => this.ask(question));
        const li = this.el('li');
        li.append(button);
        list.append(li);
      }
      this.log.after(list);
    }

    // The languages the service speaks, for the switch; an unknown data-lang falls back to German.
    async loadLanguages() {
      try {
        const response = await fetch(base + '/api/v1/languages');
        if (!response.ok) return;
        this.languages = await response.json();
        // Filled in place: re-rendering would replace the field the citizen may be typing in.
        const wrap = this.querySelector('.la-languages');
        if (wrap) wrap.replaceWith(this.languageSelect());
      } catch (e) { /* the de/en switch still works */ }
    }

    // Texts of a language other than German or English from its bundle; keys it lacks stay German.
    async switchTo(code, fromTag) {
      if (code === 'de' || code === 'en') {
        this.lang = code; this.dir = 'ltr'; this.starters = null; this.render(); this.textsReady = this.loadStarters(); return;
      }
      try {
        const response = await fetch(base + '/api/v1/languages/' + encodeURIComponent(code) + '/widget');
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const data = await response.json();
        TEXT[code] = mergeTexts(germanCopy(), data.texts);
        this.lang = code;
        this.dir = data.dir;
        this.starters = data.starters;
      } catch (e) {
        warn(fromTag ? 'data-lang="' + code + '" is not a language the service speaks; using "de".'
          : 'language "' + code + '" is not available; using "de".');
        this.lang = 'de';
        this.dir = 'ltr';
      }
      this.render();
      this.showStarters();
    }

    // Custom properties through the CSSOM: allowed by a CSP without 'unsafe-inline' for styles.
    applyLook() {
      this.dataset.position = this.position;
      this.classList.toggle('la-floating', this.position !== 'inline');
      if (settings.color) {
        this.style.setProperty('--la-color', settings.color);
        this.style.setProperty('--la-heading', settings.color);
        this.style.setProperty('--la-tint', tint(settings.color));
      }
    }

    get t() { return TEXT[this.lang] || TEXT.de; }

    el(tag, attrs = {}, text) {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
      if (text !== undefined) node.textContent = text;
      return node;
    }

    render() {
      this.textContent = '';
      this.setAttribute('lang', this.lang);
      // The city's notice stands above the chat, open or closed; filled once it has been fetched.
      this.noticeBox = this.el('div', { class: 'la-notice', id: 'la-notice', role: 'status', hidden: '' });
      this.append(this.noticeBox);
      this.loadNotice();
      // Arabic is written right to left: the whole widget follows (text, order of controls).
      this.setAttribute('dir', this.dir || 'ltr');
      const box = this.el('section', { class: 'la-box', id: 'la-panel', 'aria-labelledby': 'la-title' });
      const head = this.el('div', { class: 'la-head' });
      head.append(this.el('h2', { id: 'la-title', tabindex: '-1' }, this.t.title));
      if (this.position !== 'inline') {
        const close = this.el('button', { type: 'button', class: 'la-link', id: 'la-close' }, this.t.close);
        close.addEventListener('click', () => this.toggle(false));
        head.append(close);
      }
      const tools = this.el('div', { class: 'la-tools' });
      const switcher = this.el('button', { type: 'button', class: 'la-link', id: 'la-language', lang: this.lang === 'de' ? 'en' : 'de' }, this.t.language);
      switcher.addEventListener('click', async () => { await this.switchTo(this.lang === 'de' ? 'en' : 'de'); this.focusById('la-language'); });
      tools.append(switcher, this.languageSelect(), this.plainSwitch());
      box.append(head, tools);
      const intro = this.el('div', { class: 'la-intro', id: 'la-intro' });
      const responsible = this.el('p', { id: 'la-responsible', hidden: '' });
      this.aiOffNote = this.el('p', { class: 'la-ai-off', id: 'la-ai-off', hidden: '' }, this.t.aiOff);
      intro.append(this.aiOffNote, this.el('p', {}, this.t.intro), responsible, this.el('p', {}, this.t.privacy));
      this.showResponsible(responsible);
      this.loadAiSwitch();
      const link = this.el('a', { href: base + '/transparenz?lang=' + this.lang }, this.t.transparency);
      intro.append(link);
      box.append(intro);
      // The log is not a live region: screen readers would read every streamed token. The finished
      // answer is announced once, with its label, by the status region below.
      this.log = this.el('ol', { class: 'la-log', id: 'la-log' });
      this.log.addEventListener('copy', (event) => this.copyWithLabel(event));
      box.append(this.log);
      this.announcer = this.el('div', { class: 'la-sr', id: 'la-announce', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      box.append(this.announcer);
      const human = this.el('button', { type: 'button', id: 'la-human' }, this.t.human);
      human.addEventListener('click', () => this.showChannels());
      this.channelBox = this.el('div', { id: 'la-channels', hidden: '' });
      const form = this.el('form', { class: 'la-form' });
      const input = this.el('textarea', { id: 'la-input', rows: '2', maxlength: '2000', required: '' });
      const label = this.el('label', { for: 'la-input' }, this.t.label);
      const send = this.el('button', { type: 'submit', id: 'la-send' }, this.t.send);
      this.stopButton = this.el('button', { type: 'button', id: 'la-stop', hidden: '' }, this.t.stop);
      this.stopButton.addEventListener('click', () => this.controller && this.controller.abort());
      const erase = this.el('button', { type: 'button', id: 'la-erase', class: 'la-link' }, this.t.erase);
      erase.addEventListener('click', () => this.erase());
      form.append(label, input, send, this.stopButton);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const question = input.value.trim();
        if (!question) return;
        // A warning about an earlier draft does not outlive it.
        const stale = this.querySelector('#la-pii');
        if (stale) stale.remove();
        const found = personalData(question);
        if (found.length) {
          this.warnPersonal(form, input, found);
          return;
        }
        input.value = '';
        this.ask(question);
      });
      this.downloadButton = this.el('button', { type: 'button', id: 'la-download', class: 'la-link', hidden: '' });
      this.downloadButton.addEventListener('click', () => this.download());
      box.append(form, human, this.channelBox, erase, this.downloadButton);
      this.showDownload();
      const session = this.session();
      if (session && session.caseId) {
        const earlier = this.el('div', { class: 'la-case', id: 'la-case' });
        box.insertBefore(earlier, form);
        this.caseTools(earlier);
      }
      this.append(box);
      if (this.position !== 'inline') this.floating(box);
    }

    // All languages by their own names ("Türkçe"); choosing one re-renders the widget in it.
    languageSelect() {
      const wrap = this.el('span', { class: 'la-languages' });
      if (!this.languages) return wrap;
      const select = this.el('select', { id: 'la-languages' });
      for (const language of this.languages) {
        const option = this.el('option', { value: language.code, lang: language.code, dir: language.dir }, language.name);
        if (language.code === this.lang) option.selected = true;
        select.append(option);
      }
      select.addEventListener('change', async () => { await this.switchTo(select.value); this.focusById('la-languages'); });
      wrap.append(this.el('label', { for: 'la-languages' }, this.t.languages), select);
      return wrap;
    }

    // "Einfache Sprache": a real toggle button; the choice lasts for this browser tab.
    plainSwitch() {
      const button = this.el('button', { type: 'button', class: 'la-toggle', id: 'la-plain', 'aria-pressed': String(this.plain) });
      button.append(this.el('span', { class: 'la-switch', 'aria-hidden': 'true' }), this.el('span', {}, this.t.plain));
      button.addEventListener('click', () => {
        this.plain = !this.plain;
        tab.set(PLAIN_KEY, String(this.plain));
        button.setAttribute('aria-pressed', String(this.plain));
      });
      return button;
    }

    // Bottom right or left: a launcher button opens and closes the panel above it; Escape closes.
    floating(box) {
      box.hidden = !this.expanded;
      const launcher = this.el('button', { type: 'button', class: 'la-launcher', id: 'la-launcher', 'aria-controls': 'la-panel', 'aria-expanded': String(this.expanded) }, this.t.launcher);
      launcher.addEventListener('click', () => this.toggle(!this.expanded));
      box.addEventListener('keydown', (event) => { if (event.key === 'Escape') this.toggle(false); });
      this.append(launcher);
    }

    toggle(open) {
      this.expanded = open;
      this.querySelector('#la-panel').hidden = !open;
      this.querySelector('#la-launcher').setAttribute('aria-expanded', String(open));
      this.focusById(open ? 'la-title' : 'la-launcher');
    }

    // WCAG 2.2 (2.4.11): an element focused on the host page is never hidden under the floating
    // widget. An open panel the citizen has tabbed away from folds up (the focus stays where it
    // went); the launcher and notice make way by scrolling the page, with room added at its end.
    uncover(target) {
      if (!(target instanceof Element) || this.contains(target)) return;
      const covered = (node) => {
        const a = node.getBoundingClientRect();
        const b = target.getBoundingClientRect();
        return a.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      };
      const panel = this.querySelector('#la-panel');
      if (this.expanded && covered(panel)) {
        this.expanded = false;
        panel.hidden = true;
        this.querySelector('#la-launcher').setAttribute('aria-expanded', 'false');
      }
      if (!covered(this)) return;
      const needed = target.getBoundingClientRect().bottom - this.getBoundingClientRect().top + 8;
      const room = document.documentElement.scrollHeight - window.innerHeight - window.scrollY;
      if (room < needed) {
        if (!this.spacer) {
          this.spacer = document.createElement('div');
          this.spacer.setAttribute('aria-hidden', 'true');
          this.spacer.className = 'la-spacer';
          this.before(this.spacer);
        }
        this.spacer.style.setProperty('height', (this.spacer.offsetHeight + needed - room) + 'px');
      }
      window.scrollBy({ top: needed, behavior: 'instant' });
    }

    // Nothing leaves before the citizen decides: remove the data from the draft, or send it anyway
    // (the service then redacts it, as it does with every message).
    async warnPersonal(form, input, found) {
      // The texts only the bundles have may still be on their way (a quick first question).
      if (!this.t.piiWarning) await this.textsReady;
      const old = this.querySelector('#la-pii');
      if (old) old.remove();
      const kinds = [...new Set(found.map((hit) => this.t['pii.' + hit.kind] || hit.kind))].join(', ');
      const box = this.el('div', { class: 'la-pii', id: 'la-pii', role: 'alert' });
      box.append(this.el('p', { id: 'la-pii-text' }, (this.t.piiWarning || '{kinds}').replace('{kinds}', kinds)));
      const remove = this.el('button', { type: 'button', id: 'la-pii-remove' }, this.t.piiRemove);
      const send = this.el('button', { type: 'button', id: 'la-pii-send', class: 'la-link' }, this.t.piiSend);
      remove.addEventListener('click', () => {
        const draft = input.value;
        const now = personalData(draft);
        this.remember(draft, now);
        input.value = withoutData(draft, now);
        box.remove();
        input.focus();
      });
      send.addEventListener('click', () => {
        const question = input.value.trim();
        this.remember(question, personalData(question));
        box.remove();
        input.value = '';
        if (question) this.ask(question);
      });
      box.append(remove, send);
      form.append(box);
      remove.focus();
    }

    // What the citizen already gave, kept in this page's memory only (never stored): the hand-over
    // form offers it instead of asking again (WCAG 2.2, 3.3.7 redundant entry).
    remember(text, found) {
      this.given = this.given || {};
      for (const hit of found) {
        const value = text.slice(hit.start, hit.end);
        if (hit.kind === 'email') this.given.email = value.replace(/ ?[([][Aa][Tt][)\]] ?/, '@');
        if (hit.kind === 'phone') this.given.phone = value;
      }
    }

    // "Unterhaltung herunterladen": the citizen's own conversation, with labels, sources, dates and
    // the responsible person, fetched with the token (a plain link could not send it).
    showDownload() {
      if (!this.downloadButton) return;
      this.downloadButton.textContent = this.t.download || '';
      this.downloadButton.hidden = !(this.session() && this.t.download);
    }

    async download() {
      const session = this.session();
      if (!session) return;
      try {
        const response = await fetch(base + '/api/v1/conversations/' + encodeURIComponent(session.id) + '/transcript', {
          headers: { 'X-Conversation-Token': session.token, 'Accept-Language': this.lang }
        });
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const url = URL.createObjectURL(await response.blob());
        const link = this.el('a', { href: url, download: 'unterhaltung-' + session.id + '.json', hidden: '' });
        this.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      } catch (e) {
        this.showChannels();
      }
    }

    // Read aloud with the device's own voices only (localService): nothing is sent anywhere. No
    // local voice for the answer's language, no button.
    localVoice(lang) {
      const synthesis = window.speechSynthesis;
      if (!synthesis || typeof window.SpeechSynthesisUtterance !== 'function') return null;
      return synthesis.getVoices().find((voice) => voice.localService === true
        && (voice.lang || '').toLowerCase().split(/[-_]/)[0] === lang) || null;
    }

    readAloud(item, lang, spoken) {
      const button = this.el('button', { type: 'button', class: 'la-read la-link', hidden: '' }, this.t.readAloud || '');
      const show = () => { button.hidden = !this.t.readAloud || !this.localVoice(lang); };
      show();
      // Voices may arrive after the page has loaded.
      if (window.speechSynthesis && window.speechSynthesis.addEventListener) window.speechSynthesis.addEventListener('voiceschanged', show);
      button.addEventListener('click', () => {
        const voice = this.localVoice(lang);
        if (!voice) { button.hidden = true; return; }
        const utterance = new window.SpeechSynthesisUtterance(spoken);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        window.speechSynthesis.cancel();
        window.speechSynthesis.speak(utterance);
      });
      item.append(button);
    }

    focusById(id) {
      const node = this.querySelector('#' + id);
      if (node) node.focus();
    }

    session() { return JSON.parse(tab.get(KEY) || 'null'); }

    // Copied AI text keeps its label: the KI-generiert notice travels with it.
    copyWithLabel(event) {
      const selection = document.getSelection();
      const text = selection ? selection.toString() : '';
      const fromAi = [...this.log.querySelectorAll('li[data-ai-generated]')].some((item) => selection.containsNode(item, true));
      if (!text || !fromAi || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text + '\n\n[' + this.t.badge + ': ' + this.t.badgeHelp + ']');
      event.preventDefault();
    }

    add(author, text) {
      const item = this.el('li', { class: 'la-' + author });
      item.append(this.el('span', { class: 'la-who' }, author === 'citizen' ? this.t.you : this.t.assistant));
      const body = this.el('div', { class: 'la-text' }, text);
      item.append(body);
      this.log.append(item);
      return { item, body };
    }

    async ask(question) {
      const starters = this.querySelector('#la-starters');
      if (starters) starters.remove();
      this.add('citizen', question);
      const session = this.session();
      const body = { message: question, language: this.lang };
      if (this.plain) body.plainLanguage = true;
      if (session) body.conversationId = session.id;
      const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-Assistant-Channel': 'widget' };
      if (session) headers['X-Conversation-Token'] = session.token;
      const answer = this.add('assistant', '');
      answer.item.setAttribute('aria-busy', 'true');
      this.controller = new AbortController();
      this.stopButton.hidden = false;
      let done = false;
      try {
        const response = await fetch(base + '/api/v1/chat/stream', { method: 'POST', headers, body: JSON.stringify(body), signal: this.controller.signal });
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done: end } = await reader.read();
          if (end) break;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const event = this.parse(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
            if (event) done = this.handle(event, answer) || done;
          }
        }
      } catch (error) {
        if (error.name === 'AbortError') done = true;
      } finally {
        this.stopButton.hidden = true;
        answer.item.removeAttribute('aria-busy');
      }
      if (!done) this.broken(answer);
    }

    parse(block) {
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      return data.length ? { name, data: JSON.parse(data.join('\n')) } : null;
    }

    handle(event, answer) {
      if (event.name === 'queued') {
        this.queued(answer, event.data);
        return false;
      }
      // Anything else means the wait is over: the notice goes.
      if (answer.notice) {
        answer.notice.remove();
        answer.notice = null;
      }
      if (event.name === 'disclosure') {
        this.markAi(answer.item, event.data);
      } else if (event.name === 'delta') {
        answer.body.textContent += event.data.text;
      } else if (event.name === 'done' || event.name === 'fallback') {
        this.finish(answer, event.data);
        return true;
      }
      return false;
    }

    // The model is busy: where the citizen stands in line, in the service's words (text, never HTML).
    queued(answer, data) {
      if (!answer.notice) {
        answer.notice = this.el('p', { class: 'la-queued', role: 'status', 'aria-live': 'polite' });
        answer.item.append(answer.notice);
      }
      answer.notice.textContent = typeof data.text === 'string' && data.text
        ? data.text
        : this.t.queued.replace('{position}', String(data.position)).replace('{seconds}', String(data.estimatedWaitSeconds));
    }

    markAi(item, disclosure) {
      if (item.dataset.aiGenerated) return;
      item.dataset.aiGenerated = 'true';
      item.setAttribute('itemscope', '');
      item.setAttribute('itemtype', 'https://schema.org/CreativeWork');
      const type = this.el('meta', { itemprop: 'digitalSourceType', content: 'https://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' });
      const badge = this.el('span', { class: 'la-badge', title: this.t.badgeHelp }, this.t.badge);
      const help = this.el('span', { class: 'la-sr' }, ' – ' + this.t.badgeHelp + (disclosure && disclosure.text ? ' ' + disclosure.text : ''));
      badge.append(help);
      item.insertBefore(badge, item.children[1]);
      item.append(type);
    }

    // Once per answer, in the citizen's language: "KI-generiert – <what it means>: <answer>".
    announce(reply) {
      const language = this.languages && this.languages.find((l) => l.code === reply.language);
      this.announcer.setAttribute('lang', reply.language || this.lang);
      this.announcer.setAttribute('dir', language ? language.dir : 'auto');
      this.announcer.textContent = this.spoken(reply);
    }

    // An answer as heard: its label first, so a listener knows what made it.
    spoken(reply) {
      return (reply.disclosure ? this.t.badge + ' – ' + this.t.badgeHelp : this.t.fallback) + ': ' + reply.answer;
    }

    finish(answer, reply) {
      const before = this.session();
      const caseId = before && before.id === reply.conversationId ? before.caseId : undefined;
      tab.set(KEY, JSON.stringify({ id: reply.conversationId, token: reply.conversationToken, caseId }));
      if (reply.notice) this.showNotice(reply.notice);
      if (reply.reason === 'AI_SWITCHED_OFF') this.aiOffNote.hidden = false;
      answer.body.textContent = reply.answer;
      // The answer is in the language the service detected, which may differ from the widget's.
      if (reply.language) {
        const language = this.languages && this.languages.find((l) => l.code === reply.language);
        answer.body.setAttribute('lang', reply.language);
        answer.body.setAttribute('dir', language ? language.dir : 'auto');
      }
      if (reply.disclosure) {
        this.markAi(answer.item, reply.disclosure);
      } else {
        // The model stopped before its answer was complete: what shows now is the city's own text.
        answer.item.querySelectorAll('.la-badge, meta[itemprop]').forEach((node) => node.remove());
        delete answer.item.dataset.aiGenerated;
        answer.item.removeAttribute('itemscope');
        answer.item.removeAttribute('itemtype');
        answer.item.classList.add('la-city');
        answer.item.insertBefore(this.el('span', { class: 'la-kind' }, this.t.fallback), answer.item.children[1]);
      }
      if (reply.sources && reply.sources.length) {
        answer.item.append(this.el('p', { class: 'la-sources-title', 'aria-hidden': 'true' }, this.t.sources + ':'));
        const list = this.el('ul', { class: 'la-sources', 'aria-label': this.t.sources });
        for (const source of reply.sources) {
          const li = this.el('li');
          li.append(this.el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.title));
          list.append(li);
        }
        answer.item.append(list);
      }
      if (reply.analogueChannels && !reply.disclosure) this.channels(answer.item, reply.analogueChannels);
      this.readAloud(answer.item, reply.language || this.lang, this.spoken(reply));
      if (reply.messageId) this.feedback(answer.item, reply.messageId);
      this.announce(reply);
      this.showDownload();
      // Wherever the assistant hands over, the citizen may hand the question itself to an office.
      // Not in a crisis: there the crisis lines of the answer come first and alone.
      if (!reply.disclosure && reply.reason && reply.area !== 'crisis') this.handoverOffer(answer.item);
    }

    handoverOffer(container) {
      if (!this.session() || this.querySelector('#la-handover-form')) return;
      const button = this.el('button', { type: 'button', class: 'la-handover', id: 'la-handover' }, this.t.handover);
      button.addEventListener('click', () => { button.remove(); this.handoverForm(container); });
      container.append(button);
    }

    // The hand-over form: question (by reference), conversation only if ticked, one contact way
    // of the citizen's choice or none, a note, and consent naming purpose and retention.
    handoverForm(container) {
      const form = this.el('form', { class: 'la-handover-form', id: 'la-handover-form', novalidate: '' });
      form.append(this.el('h3', { id: 'la-handover-title', tabindex: '-1' }, this.t.handover), this.el('p', {}, this.t.handoverIntro));
      const check = (id, text) => {
        const p = this.el('p');
        const box = this.el('input', { type: 'checkbox', id });
        p.append(box, this.el('label', { for: id }, ' ' + text));
        return { p, box };
      };
      const conversation = check('la-include-conversation', this.t.includeConversation);
      const ways = this.el('fieldset');
      ways.append(this.el('legend', {}, this.t.contactWay));
      const email = this.el('input', { type: 'email', id: 'la-contact-email', autocomplete: 'email', maxlength: '254' });
      const phone = this.el('input', { type: 'tel', id: 'la-contact-phone', autocomplete: 'tel', maxlength: '40' });
      // Not typed twice: what the citizen wrote in the chat already (see remember).
      if (this.given && this.given.email) email.value = this.given.email;
      if (this.given && this.given.phone) phone.value = this.given.phone;
      const fields = { email: this.el('p', { hidden: '' }), phone: this.el('p', { hidden: '' }) };
      fields.email.append(this.el('label', { for: email.id }, this.t.email), email);
      fields.phone.append(this.el('label', { for: phone.id }, this.t.phone), phone);
      for (const [value, text] of [['none', this.t.contactNone], ['email', this.t.contactEmail], ['phone', this.t.contactPhone]]) {
        const p = this.el('p');
        const radio = this.el('input', { type: 'radio', name: 'la-contact', id: 'la-way-' + value, value });
        if (value === 'none') radio.checked = true;
        radio.addEventListener('change', () => { fields.email.hidden = value !== 'email'; fields.phone.hidden = value !== 'phone'; });
        p.append(radio, this.el('label', { for: radio.id }, ' ' + text));
        ways.append(p);
      }
      ways.append(fields.email, fields.phone);
      const noteField = this.el('p');
      const note = this.el('textarea', { id: 'la-handover-note', rows: '3', maxlength: '2000' });
      noteField.append(this.el('label', { for: note.id }, this.t.note), note);
      const consent = check('la-consent', this.t.consent);
      consent.box.setAttribute('required', '');
      const error = this.el('p', { class: 'la-error', id: 'la-handover-error', role: 'alert', hidden: '' });
      const submit = this.el('button', { type: 'submit', id: 'la-handover-send' }, this.t.handoverSend);
      form.append(conversation.p, ways, noteField, consent.p, error, submit);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const session = this.session();
        const way = form.querySelector('input[name="la-contact"]:checked').value;
        const body = { consent: consent.box.checked, includeConversation: conversation.box.checked };
        if (way === 'email') body.contact = { email: email.value.trim() };
        if (way === 'phone') body.contact = { phone: phone.value.trim() };
        if (note.value.trim()) body.note = note.value.trim();
        const response = await fetch(base + '/api/v1/conversations/' + encodeURIComponent(session.id) + '/handover', {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Conversation-Token': session.token, 'Accept-Language': this.lang }, body: JSON.stringify(body)
        });
        const result = await response.json().catch(() => ({}));
        if (response.status !== 201) {
          error.textContent = result.detail || this.t.handoverFailed;
          error.hidden = false;
          return;
        }
        tab.set(KEY, JSON.stringify({ ...session, caseId: result.caseId }));
        const receipt = this.el('div', { class: 'la-case', id: 'la-case', role: 'status' });
        receipt.append(this.el('p', {}, result.message), this.el('p', {}, this.t.caseNumber + ' ' + result.number));
        form.replaceWith(receipt);
        this.caseTools(receipt);
      });
      container.append(form);
      this.focusById('la-handover-title');
    }

    // Check back with the token: status, and the reply of the office, written by a person (never
    // labelled as AI, because no model wrote it).
    caseTools(container) {
      const check = this.el('button', { type: 'button', id: 'la-case-check' }, this.t.caseCheck);
      const remove = this.el('button', { type: 'button', class: 'la-link', id: 'la-case-delete' }, this.t.caseDelete);
      const out = this.el('div', { id: 'la-case-status', 'aria-live': 'polite' });
      check.addEventListener('click', () => this.showCase(out));
      remove.addEventListener('click', async () => {
        const session = this.session();
        await fetch(base + '/api/v1/cases/' + encodeURIComponent(session.caseId), { method: 'DELETE', headers: { 'X-Conversation-Token': session.token } });
        delete session.caseId;
        tab.set(KEY, JSON.stringify(session));
        container.textContent = this.t.caseDeleted;
      });
      container.append(check, remove, out);
    }

    // Times as the offices keep them: Vienna time, whatever the citizen's device is set to.
    when(instant) {
      return new Date(instant).toLocaleString({ de: 'de-AT', en: 'en-GB' }[this.lang] || this.lang, { timeZone: 'Europe/Vienna', dateStyle: 'full', timeStyle: 'short' });
    }

    async showCase(out) {
      const session = this.session();
      const response = await fetch(base + '/api/v1/cases/' + encodeURIComponent(session.caseId), { headers: { 'X-Conversation-Token': session.token, 'Accept-Language': this.lang } });
      const view = await response.json();
      out.textContent = '';
      if (!response.ok) { out.append(this.el('p', { role: 'alert' }, view.detail || this.t.handoverFailed)); return; }
      out.append(this.el('p', {}, view.number + ': ' + (this.t.caseStatus[view.status] || view.status) + ' \u2013 ' + view.officeName));
      if (view.reply) {
        const reply = this.el('div', { class: 'la-human-reply', id: 'la-case-reply' });
        reply.append(this.el('p', { class: 'la-who' }, this.t.caseReply + ' ' + view.reply.by + ' (' + this.t.casePerson + '), ' + this.when(view.reply.at)));
        reply.append(this.el('div', { class: 'la-text' }, view.reply.text));
        out.append(reply);
      } else {
        out.append(this.el('p', {}, this.t.caseWaiting + ' ' + this.when(view.expectedReplyBy)));
      }
    }

    broken(answer) {
      answer.body.textContent = this.t.broken;
      answer.item.classList.add('la-city');
      this.showChannels();
    }

    feedback(item, messageId) {
      const bar = this.el('div', { class: 'la-feedback' });
      const send = async (body) => {
        await fetch(base + '/api/v1/messages/' + encodeURIComponent(messageId) + '/feedback', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
        });
        bar.textContent = this.t.thanks;
      };
      // The thumbs are decoration; the words say what the button does.
      const thumb = (className, symbol, label) => {
        const button = this.el('button', { type: 'button', class: className });
        button.append(this.el('span', { 'aria-hidden': 'true' }, symbol + ' '), label);
        return button;
      };
      const up = thumb('la-up', '\u{1F44D}', this.t.up);
      up.addEventListener('click', () => send({ rating: 'up' }));
      const down = thumb('la-down', '\u{1F44E}', this.t.down);
      down.addEventListener('click', () => this.feedbackForm(bar, messageId, send));
      bar.append(up, down);
      item.append(bar);
    }

    // A thumbs-down may say why: a reason and a comment, both optional.
    feedbackForm(bar, messageId, send) {
      bar.textContent = '';
      const form = this.el('form', { class: 'la-feedback-form' });
      const reason = this.el('select', { id: 'la-reason-' + messageId });
      reason.append(this.el('option', { value: '' }, '–'));
      for (const [value, label] of Object.entries(this.t.reasons)) reason.append(this.el('option', { value }, label));
      const comment = this.el('textarea', { id: 'la-comment-' + messageId, rows: '2', maxlength: '1000' });
      const submit = this.el('button', { type: 'submit', class: 'la-send-feedback' }, this.t.sendFeedback);
      form.append(
        this.el('label', { for: reason.id }, this.t.why), reason,
        this.el('label', { for: comment.id }, this.t.comment), comment, submit);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const body = { rating: 'down' };
        if (reason.value) body.reasons = [reason.value];
        if (comment.value.trim()) body.comment = comment.value.trim();
        send(body).then(() => this.handoverOffer(bar));
      });
      bar.append(form);
      reason.focus();
    }

    // Names the human responsible for the AI answers (from the transparency register). Without
    // it the notice still says that a member of staff is responsible.
    async showResponsible(target) {
      try {
        if (!this.responsible) {
          const response = await fetch(base + '/api/v1/transparency');
          if (!response.ok) { return; }
          this.responsible = (await response.json()).responsible;
        }
        const who = this.responsible;
        if (!who || !who.name) { return; }
        target.textContent = this.t.responsible + ' ' + who.name + (who.role ? ', ' + who.role : '') + (who.contact ? ' (' + who.contact + ')' : '');
        target.hidden = false;
      } catch (e) { /* the generic sentence of the notice stays */ }
    }

    // The notice in force, in the widget's language; nothing shows when there is none (204).
    async loadNotice() {
      try {
        const response = await fetch(base + '/api/v1/notice?language=' + this.lang);
        if (response.status === 200) this.showNotice(await response.json());
      } catch (e) { /* no notice shown; replies carry it too */ }
    }

    // Whether AI answers are switched off for the widget: the disclosure then says so.
    async loadAiSwitch() {
      try {
        const response = await fetch(base + '/api/v1/ai-switch?channel=widget');
        if (response.ok) this.aiOffNote.hidden = (await response.json()).enabled !== false;
      } catch (e) { /* the replies say it (reason AI_SWITCHED_OFF) */ }
    }

    // Shown once per text: a reply carrying the same notice does not make screen readers repeat it.
    // An emergency is an alert (announced at once); info and warning are a polite status.
    showNotice(notice) {
      if (!notice || !notice.text || this.noticeBox.dataset.text === notice.text) return;
      const severity = ['info', 'warning', 'emergency'].includes(notice.severity) ? notice.severity : 'info';
      this.noticeBox.setAttribute('role', severity === 'emergency' ? 'alert' : 'status');
      this.noticeBox.className = 'la-notice la-notice-' + severity;
      this.noticeBox.dataset.text = notice.text;
      this.noticeBox.dataset.severity = severity;
      this.noticeBox.textContent = '';
      this.noticeBox.append(this.el('strong', {}, this.t.severity[severity] + ': '), this.el('span', { class: 'la-notice-text' }, notice.text));
      if (typeof notice.link === 'string' && /^https?:\/\//i.test(notice.link)) {
        this.noticeBox.append(' ', this.el('a', { href: notice.link, rel: 'noopener noreferrer', target: '_blank' }, this.t.more));
      }
      this.noticeBox.hidden = false;
    }

    async showChannels() {
      const response = await fetch(base + '/api/v1/channels?language=' + this.lang);
      this.channelBox.textContent = '';
      this.channels(this.channelBox, await response.json());
      this.channelBox.hidden = false;
      this.handoverOffer(this.channelBox);
    }

    channels(container, channels) {
      const list = this.el('ul', { class: 'la-channel-list' });
      for (const channel of channels) {
        const li = this.el('li');
        li.append(this.el('strong', {}, channel.label + ': '));
        li.append(channel.href ? this.el('a', { href: channel.href }, channel.value) : this.el('span', {}, channel.value));
        li.append(this.el('span', { class: channel.openNow ? 'la-open' : 'la-closed' }, ' (' + (channel.openNow ? this.t.open : this.t.closed) + ')'));
        list.append(li);
      }
      container.append(list);
    }

    async erase() {
      const session = this.session();
      if (session) {
        await fetch(base + '/api/v1/conversations/' + encodeURIComponent(session.id), { method: 'DELETE', headers: { 'X-Conversation-Token': session.token } });
      }
      tab.remove(KEY);
      this.showDownload();
      this.log.textContent = '';
      this.log.append(this.el('li', { class: 'la-city' }, this.t.erased));
    }
  }

  if (!customElements.get('leoben-assistant')) customElements.define('leoben-assistant', LeobenAssistant);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = base + '/widget/assistant.css';
  document.head.append(link);
  if (!document.querySelector('leoben-assistant')) {
    const widget = document.createElement('leoben-assistant');
    widget.setAttribute('lang', settings.lang);
    if (settings.position !== 'inline') {
      document.body.append(widget);
    } else {
      // Inline: in data-target if given, else right where the script tag stands.
      let target = null;
      try {
        target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
      } catch (e) {
        warn('data-target="' + script.dataset.target + '" is not a CSS selector.');
      }
      if (target) target.append(widget);
      else if (document.body.contains(script)) script.after(widget);
      else document.body.append(widget);
    }
  }
})();
