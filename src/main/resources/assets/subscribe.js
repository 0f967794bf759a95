// Fills the subscribe forms' time zone with the browser's own, so digests come in the subscriber's morning.
// Without this script the zone stays UTC, and the preferences page changes it.
(function () {
  'use strict';
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  var fields = document.querySelectorAll('input[data-time-zone]');
  for (var i = 0; i < fields.length; i++) {
    if (fields[i].type === 'hidden' || fields[i].value === '' || fields[i].value === 'UTC') {
      fields[i].value = zone;
    }
  }
})();
