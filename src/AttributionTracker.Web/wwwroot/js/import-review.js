// Import review: marks a statement rejected as soon as its Reject button is chosen, in its card and at its number in
// the article. Only a convenience: without JavaScript "Update preview" shows the same.
(function () {
    'use strict';
    var form = document.getElementById('review-form');
    if (!form) {
        return;
    }

    form.addEventListener('change', function (event) {
        var radio = event.target;
        if (radio.type !== 'radio' || !/\.Keep$/.test(radio.name)) {
            return;
        }

        var card = radio.closest('fieldset[id^="review-s"]');
        if (!card) {
            return;
        }

        var rejected = radio.value === 'false' && radio.checked;
        card.classList.toggle('is-rejected', rejected);
        document.querySelectorAll('#review-text .review-number[href="#' + card.id + '"]').forEach(function (number) {
            number.classList.toggle('is-rejected', rejected);
        });
    });
}());
