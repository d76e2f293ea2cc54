// Live preview for Markdown fields: the text is rendered by the server (the same renderer and sanitiser readers'
// pages use), so what the editor sees is exactly what will be published. Without JavaScript the form's "Preview"
// button does the same with a full round trip.
(function () {
    'use strict';

    const pause = 300;

    function attach(textarea) {
        const target = document.getElementById(textarea.dataset.markdownPreview);
        const url = textarea.dataset.previewUrl;
        const form = textarea.form;
        if (!target || !url || !form) {
            return;
        }

        const token = form.querySelector('input[name="__RequestVerificationToken"]');
        let timer = 0;
        let latest = 0;

        async function render() {
            const asked = ++latest;
            const body = new FormData();
            body.append('markdown', textarea.value);
            if (token) {
                body.append('__RequestVerificationToken', token.value);
            }

            try {
                const response = await fetch(url, { method: 'POST', body: body, credentials: 'same-origin' });
                if (asked !== latest) {
                    return; // a newer keystroke's preview is on its way
                }

                // The server's output is sanitised HTML; anything else (a sign-in page, an error) is not shown.
                target.innerHTML = response.ok ? await response.text() : '';
                target.dataset.previewState = response.ok ? 'ready' : 'failed';
            } catch {
                target.dataset.previewState = 'failed';
            }
        }

        textarea.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(render, pause);
        });

        // The server-side button is for browsers without JavaScript; here the preview follows the typing.
        const button = textarea.parentElement.querySelector('.markdown-preview-button');
        if (button) {
            button.hidden = true;
        }

        render();
    }

    document.querySelectorAll('textarea[data-markdown-preview]').forEach(attach);
}());
