/// The review page's script (word boxes, keys, letter palette), served as `/static/review.js`.
///
/// The page works without it as plain forms. With it: the word boxes are placed over the scan from
/// their `data-x/y/w/h` (percent of the master page; the CSP forbids `style` attributes); clicking a
/// box selects its word in its line; Alt+N / Alt+Shift+N go to the next / previous doubtful word,
/// Alt+→ to the next page, Ctrl+S saves, Ctrl+Enter saves and approves; the palette inserts Vietnamese
/// letters and puts a tone mark on the letter before the cursor (the line is kept in NFC).
enum ReviewScript {
    static let asset = StaticAsset(contentType: "text/javascript; charset=utf-8", text: source)

    private static let source = #"""
        (function () {
          "use strict";
          var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
          var form = document.getElementById("review-form");
          var scan = document.getElementById("scan");
          var inputs = Array.prototype.slice.call(document.querySelectorAll("input.line-input"));
          var boxes = Array.prototype.slice.call(document.querySelectorAll(".boxes .w"));
          var lastInput = inputs.length ? inputs[0] : null;
          var dirty = false;

          if (scan) {
            boxes.forEach(function (box) {
              box.style.left = box.dataset.x + "%";
              box.style.top = box.dataset.y + "%";
              box.style.width = box.dataset.w + "%";
              box.style.height = box.dataset.h + "%";
            });
            scan.classList.add("ready");
          }

          function inputFor(lineID) {
            return document.getElementById("l-" + lineID);
          }

          function wordRanges(text) {
            var ranges = [], re = /\S+/g, m;
            while ((m = re.exec(text)) !== null) ranges.push([m.index, m.index + m[0].length]);
            return ranges;
          }

          function markBox(lineID, index) {
            boxes.forEach(function (box) { box.classList.remove("current"); });
            var box = document.querySelector('.boxes .w[data-line="' + lineID + '"][data-index="' + index + '"]');
            if (box) {
              box.classList.add("current");
              if (box.scrollIntoView) box.scrollIntoView({ block: "nearest", inline: "nearest" });
            }
          }

          function selectWord(input, index) {
            var range = wordRanges(input.value)[index];
            input.focus();
            if (range) input.setSelectionRange(range[0], range[1]);
            markBox(input.dataset.line, index);
          }

          function wordAtCaret(input) {
            var ranges = wordRanges(input.value), caret = input.selectionStart || 0;
            for (var i = 0; i < ranges.length; i++) if (caret <= ranges[i][1]) return i;
            return ranges.length - 1;
          }

          // Every doubtful word, in reading order: [input, word index].
          var doubtful = [];
          inputs.forEach(function (input) {
            (input.dataset.doubtful || "").split(" ").forEach(function (n) {
              if (n !== "") doubtful.push([input, parseInt(n, 10)]);
            });
          });

          function position(input, index) {
            return inputs.indexOf(input) * 10000 + index;
          }

          function gotoDoubtful(step) {
            if (!doubtful.length) return;
            var here = document.activeElement && inputs.indexOf(document.activeElement) >= 0
              ? position(document.activeElement, wordAtCaret(document.activeElement)) : (step > 0 ? -1 : Infinity);
            var list = step > 0 ? doubtful : doubtful.slice().reverse();
            var target = list.filter(function (d) {
              var p = position(d[0], d[1]);
              return step > 0 ? p > here : p < here;
            })[0] || list[0];
            selectWord(target[0], target[1]);
          }

          boxes.forEach(function (box) {
            box.addEventListener("click", function () {
              var input = inputFor(box.dataset.line);
              if (input) selectWord(input, parseInt(box.dataset.index, 10));
            });
          });

          inputs.forEach(function (input) {
            input.addEventListener("focus", function () { lastInput = input; });
            input.addEventListener("input", function () { dirty = true; });
            ["click", "keyup"].forEach(function (type) {
              input.addEventListener(type, function () { markBox(input.dataset.line, wordAtCaret(input)); });
            });
          });

          function insertText(input, text) {
            var start = input.selectionStart, end = input.selectionEnd, value = input.value;
            var before = (value.slice(0, start) + text).normalize("NFC");
            input.value = (before + value.slice(end)).normalize("NFC");
            input.setSelectionRange(before.length, before.length);
            dirty = true;
          }

          function putTone(input, mark) {
            var start = input.selectionStart, value = input.value;
            if (start === 0) return;
            var chars = Array.from(value.slice(0, start).normalize("NFC"));
            var last = chars.pop();
            var bare = last.normalize("NFD").replace(TONES, "");
            var before = chars.join("") + (bare + mark).normalize("NFC");
            input.value = (before + value.slice(input.selectionEnd)).normalize("NFC");
            input.setSelectionRange(before.length, before.length);
            dirty = true;
          }

          var palette = document.querySelector(".palette");
          if (palette) {
            palette.hidden = false;
            palette.addEventListener("mousedown", function (event) { event.preventDefault(); });
            palette.addEventListener("click", function (event) {
              var key = event.target.closest ? event.target.closest("button") : null;
              if (!key || !lastInput) return;
              if (key.dataset.insert) insertText(lastInput, key.dataset.insert);
              else if (key.dataset.tone) putTone(lastInput, key.dataset.tone);
              lastInput.focus();
            });
          }

          function submit(action) {
            if (!form) return;
            var button = form.querySelector('button[value="' + action + '"]');
            if (!button) return;
            dirty = false;
            if (form.requestSubmit) form.requestSubmit(button); else button.click();
          }

          if (form) form.addEventListener("submit", function () { dirty = false; });
          window.addEventListener("beforeunload", function (event) {
            if (dirty) { event.preventDefault(); event.returnValue = ""; }
          });

          document.addEventListener("keydown", function (event) {
            var key = event.key;
            if (event.altKey && !event.ctrlKey && (key === "n" || key === "N" || event.code === "KeyN")) {
              event.preventDefault();
              gotoDoubtful(event.shiftKey ? -1 : 1);
            } else if (event.altKey && !event.ctrlKey && key === "ArrowRight") {
              var next = document.getElementById("next-page");
              if (next) { event.preventDefault(); window.location.href = next.href; }
            } else if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === "s" || key === "S")) {
              event.preventDefault();
              submit("save");
            } else if ((event.ctrlKey || event.metaKey) && key === "Enter") {
              event.preventDefault();
              submit("approve");
            }
          });
        })();
        """#
}
