// The filing form (/kasus/baru), made to survive a phone's day in the field:
// - what is typed is kept in this browser (localStorage, one key per user, never the files) and put
//   back when the form opens again: after an expired session and login, after a lost connection,
//   after the tab was closed; the case page clears it once the case is filed;
// - a submit without a connection keeps the draft and says so, instead of the browser's error page;
// - large photos are shrunk (canvas, at most 1600 px on the long side, JPEG 0.85) before upload, so
//   that a 12 MP phone photo goes through under the 5 MB limit.
// Without JavaScript the form works as before (no draft, no shrinking). No inline script: the
// Content-Security-Policy forbids it.
(function () {
  'use strict';

  var form = document.getElementById('filing-form');
  if (!form) {
    return;
  }
  var key = form.getAttribute('data-draft-key');
  var status = document.getElementById('draft-status');
  var fileInput = document.getElementById('attachments');
  var fileStatus = document.getElementById('attachments-status');
  var LONG_SIDE = 1600;
  var QUALITY = 0.85;
  var SHRINK_ABOVE_BYTES = 1500 * 1024;
  var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10) || 5 * 1024 * 1024;
  var pendingShrink = Promise.resolve();

  function message(name, args) {
    var text = form.getAttribute('data-msg-' + name) || '';
    (args || []).forEach(function (value, i) {
      text = text.split('{' + i + '}').join(value);
    });
    return text;
  }

  function say(text, canDiscard) {
    if (!status) {
      return;
    }
    status.querySelector('.draft-status-text').textContent = text;
    status.querySelector('.draft-discard').hidden = !canDiscard;
    status.hidden = false;
  }

  // ---- The draft -----------------------------------------------------------------------------

  function draftable(el) {
    return el.name && el.name.charAt(0) !== '_' && el.type !== 'file' && el.type !== 'submit'
      && el.type !== 'button' && el.name !== 'confirmDuplicate';
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null; // storage switched off: the form still works, without a draft
    }
  }

  function save() {
    var store = storage();
    if (!store || !key) {
      return;
    }
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!draftable(el)) {
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        values[el.name] = values[el.name] || [];
        if (el.checked) {
          values[el.name].push(el.value);
        }
      } else {
        values[el.name] = el.value;
      }
    });
    try {
      store.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values: values }));
    } catch (e) {
      // storage full or refused: nothing more to do
    }
  }

  function restore() {
    var store = storage();
    var raw = store && key ? store.getItem(key) : null;
    if (!raw) {
      return false;
    }
    var draft;
    try {
      draft = JSON.parse(raw);
    } catch (e) {
      return false;
    }
    var values = (draft && draft.values) || {};
    var typed = false;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!draftable(el) || !Object.prototype.hasOwnProperty.call(values, el.name)) {
        return;
      }
      var value = values[el.name];
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = Array.isArray(value) && value.indexOf(el.value) >= 0;
        typed = typed || el.checked;
      } else if (typeof value === 'string') {
        el.value = value;
        typed = typed || (value !== '' && el.type !== 'hidden');
      }
    });
    return typed;
  }

  function discard() {
    var store = storage();
    if (store && key) {
      store.removeItem(key);
    }
  }

  if (form.getAttribute('data-draft-restore') === 'true' && restore()) {
    say(message('restored'), true);
  }
  save();
  form.addEventListener('input', save);
  form.addEventListener('change', save);

  if (status) {
    status.querySelector('.draft-discard').addEventListener('click', function () {
      discard();
      var token = form.querySelector('input[name=submissionToken]');
      var keep = token ? token.value : null;
      form.reset();
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!draftable(el) || el.type === 'hidden') {
          return;
        }
        if (el.type === 'checkbox' || el.type === 'radio') {
          el.checked = false;
        } else {
          el.value = '';
        }
      });
      if (token) {
        token.value = keep;
      }
      save();
      say(message('discarded'), false);
    });
  }

  // ---- Shrinking photos ----------------------------------------------------------------------

  function shrink(file) {
    if (!/^image\/(jpeg|png)$/.test(file.type) || typeof createImageBitmap !== 'function') {
      return Promise.resolve(file);
    }
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var longSide = Math.max(bitmap.width, bitmap.height);
      if (longSide <= LONG_SIDE && file.size <= SHRINK_ABOVE_BYTES) {
        bitmap.close();
        return file;
      }
      var scale = Math.min(1, LONG_SIDE / longSide);
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      var context = canvas.getContext('2d');
      context.fillStyle = '#fff'; // a transparent PNG gets a white, not a black, background as JPEG
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          if (!blob || (blob.size >= file.size && file.size <= maxBytes)) {
            resolve(file);
            return;
          }
          var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
          resolve(new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() }));
        }, 'image/jpeg', QUALITY);
      });
    }, function () {
      return file; // not decodable here: the server checks it
    });
  }

  function size(bytes) {
    return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1).replace('.', ',') + ' MB'
      : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  if (fileInput && typeof DataTransfer === 'function') {
    fileInput.addEventListener('change', function () {
      var files = Array.prototype.slice.call(fileInput.files);
      if (!files.length) {
        return;
      }
      if (fileStatus) {
        fileStatus.textContent = message('shrinking');
      }
      form.setAttribute('data-shrinking', 'true');
      pendingShrink = Promise.all(files.map(shrink)).then(function (results) {
        var transfer = new DataTransfer();
        var notes = [];
        results.forEach(function (result, i) {
          transfer.items.add(result);
          if (result !== files[i]) {
            notes.push(message('shrunk', [files[i].name, size(files[i].size), size(result.size)]));
          } else if (result.size > maxBytes) {
            notes.push(message('too-large', [result.name]));
          }
        });
        fileInput.files = transfer.files;
        if (fileStatus) {
          fileStatus.textContent = notes.join(' ');
        }
        form.setAttribute('data-shrinking', 'false');
      }, function () {
        form.setAttribute('data-shrinking', 'false');
      });
    });
  }

  // ---- Submitting: wait for the photos, and never lose the form to a lost connection -------

  var checked = false;
  form.addEventListener('submit', function (event) {
    if (checked) {
      checked = false;
      return; // checked below: let it go
    }
    event.preventDefault();
    var submitter = event.submitter || null;
    save();
    pendingShrink.then(function () {
      if (navigator.onLine === false) {
        throw new Error('offline');
      }
      var probe = form.getAttribute('data-probe-url');
      return probe ? fetch(probe, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' }) : null;
    }).then(function () {
      checked = true;
      if (typeof form.requestSubmit === 'function') {
        form.requestSubmit(submitter);
      } else {
        form.submit();
      }
    }, function () {
      say(message('offline'), false);
      status.scrollIntoView({ block: 'center' });
    });
  });
}());
