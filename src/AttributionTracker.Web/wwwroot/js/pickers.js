// Suggestions for the statement form's pickers: as the editor types, names from /pickers/{kind}?q= fill the
// field's <datalist>. Only a convenience: without this script the server resolves the typed name on submit.
(() => {
    'use strict';
    const delay = 200;

    for (const picker of document.querySelectorAll('[data-picker]')) {
        const kind = picker.dataset.picker;
        const input = picker.querySelector('input[list]');
        const list = input && document.getElementById(input.getAttribute('list'));
        if (!list) continue;

        let timer = 0;
        let controller = null;
        input.addEventListener('input', () => {
            clearTimeout(timer);
            const q = input.value.trim();
            if (q.length < 2) { list.replaceChildren(); return; }
            timer = setTimeout(async () => {
                controller?.abort();
                controller = new AbortController();
                try {
                    const response = await fetch(`/pickers/${kind}?q=${encodeURIComponent(q)}`, {
                        headers: { Accept: 'application/json' },
                        signal: controller.signal,
                    });
                    if (!response.ok) return;
                    const options = await response.json();
                    list.replaceChildren(...options.map(o => {
                        const option = document.createElement('option');
                        option.value = o.name;
                        if (o.detail) option.label = o.detail;
                        return option;
                    }));
                } catch (e) {
                    if (e.name !== 'AbortError') throw e;
                }
            }, delay);
        });
    }
})();
