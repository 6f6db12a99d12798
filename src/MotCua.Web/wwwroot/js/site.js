// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Selects marked data-autosubmit submit their form when changed (the language switch, filters).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); });
  });

  // Staff menu on a phone: folded until the button opens it; Escape closes it and returns to the button.
  var toggle = document.querySelector("header .menu-toggle");
  if (toggle) {
    var header = toggle.closest("header");
    var setOpen = function (open) {
      header.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    header.classList.add("foldable");
    toggle.hidden = false;
    setOpen(false);
    toggle.addEventListener("click", function () { setOpen(!header.classList.contains("open")); });
    header.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && header.classList.contains("open")) { setOpen(false); toggle.focus(); }
    });
  }

  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Procedure picker: typing filters the options of the select beside it, ignoring accents.
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  };
  document.querySelectorAll("input[data-filter-for]").forEach(function (input) {
    var select = document.getElementById(input.getAttribute("data-filter-for"));
    if (!select) { return; }
    var options = Array.prototype.slice.call(select.options);
    input.addEventListener("input", function () {
      var term = fold(input.value.trim());
      var first = null;
      options.forEach(function (o) {
        var match = !term || fold(o.getAttribute("data-search") || o.text).indexOf(term) >= 0;
        o.hidden = !match;
        if (match && !first && o.value) { first = o; }
      });
      if (first) { select.value = first.value; }
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); select.form.submit(); }
    });
  });

  // Citizen ID: 12 digits, with a hint as the officer types.
  document.querySelectorAll("input[data-cccd]").forEach(function (input) {
    var hint = document.getElementById(input.getAttribute("aria-describedby").split(" ")[0]);
    var update = function () {
      var digits = input.value.replace(/\D/g, "");
      if (digits !== input.value) { input.value = digits; }
      input.setAttribute("aria-invalid", digits.length > 0 && digits.length !== 12 ? "true" : "false");
      if (hint) { hint.textContent = digits.length + "/12"; }
    };
    input.addEventListener("input", update);
    update();
  });

  // Show the field-time input only for channels recorded in the field.
  document.querySelectorAll("[data-field-time]").forEach(function (block) {
    var radios = document.querySelectorAll("input[name='Input.Channel']");
    var update = function () {
      var checked = document.querySelector("input[name='Input.Channel']:checked");
      block.hidden = !(checked && (checked.value === "Outreach" || checked.value === "HomeVisit"));
    };
    radios.forEach(function (r) { r.addEventListener("change", update); });
    update();
  });

  // Long work (planning a campaign): show progress and keep the button from being pressed twice.
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var busy = form.querySelector(".busy");
      if (busy) { busy.hidden = false; }
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    });
  });

  // Confirm before actions that end a dossier.
  // (Razor always writes data-* attributes, so an empty one means no confirmation.)
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    var question = form.getAttribute("data-confirm");
    if (!question) { return; }
    form.addEventListener("submit", function (e) {
      if (!window.confirm(question)) { e.preventDefault(); }
    });
  });

  // A counter kiosk goes back to the start a little while after a rating, ready for the next citizen.
  document.querySelectorAll("[data-kiosk-return]").forEach(function (link) {
    window.setTimeout(function () { location.href = link.href; }, 20000);
  });
  // Field kit sync: while a run is under way the progress bar follows it; the page reloads to show the outcome.
  var progress = document.querySelector("progress[data-field-progress]");
  if (progress && progress.getAttribute("data-field-progress") === "running") {
    var syncStatus = document.getElementById("sync-status");
    var poll = function () {
      fetch("/field?handler=Progress", { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          progress.value = p.percent;
          progress.textContent = p.percent + " %";
          if (syncStatus) { syncStatus.textContent = p.text; }
          ["pending", "synced", "conflicts", "rejected"].forEach(function (k) {
            var el = document.getElementById("count-" + k);
            if (el) { el.textContent = p[k]; }
          });
          if (p.running) { setTimeout(poll, 700); } else { location.replace(location.pathname + "#sync"); location.reload(); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }

  // Scan a receipt's QR code with the phone camera where the browser can (BarcodeDetector).
  var scan = document.getElementById("scan-qr");
  if (scan && "BarcodeDetector" in window && navigator.mediaDevices) {
    scan.hidden = false;
    scan.addEventListener("click", function () {
      var video = document.getElementById("scan-video");
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.hidden = false;
        video.srcObject = stream;
        video.play();
        var tick = function () {
          detector.detect(video).then(function (codes) {
            if (codes.length && codes[0].rawValue.indexOf(location.origin) === 0) {
              stream.getTracks().forEach(function (t) { t.stop(); });
              var target = codes[0].rawValue;
              // On the rating page (a counter kiosk), the receipt's lookup link opens the rating of that dossier.
              if (location.pathname.indexOf("/danh-gia") === 0) {
                target = target.replace("/tra-cuu/", "/danh-gia/") + (location.search.indexOf("kiosk=true") >= 0 ? "&kiosk=true" : "");
              }
              location.href = target;
            } else { requestAnimationFrame(tick); }
          }).catch(function () { requestAnimationFrame(tick); });
        };
        tick();
      }).catch(function () { scan.hidden = true; });
    });
  }
})();
