#!/bin/sh
# The charts in a real browser: Debian's chromium, headless, no network,
# a window of 1400x1000 pixels.
# Each page gets a small harness: one script before the page's own
# records uncaught errors and console.error calls; one after checks the
# page once it is laid out and writes what it found into the DOM, which
# `chromium --dump-dom` prints for this script to compare.
# The first file (what ukwd-plan --format html writes for a plan of
# tasks) is also sorted: the "Total float" header is clicked twice and
# the row order recorded each time. Every file, HTML or SVG (an SVG is
# put inline in an empty page), is checked for what a reader needs:
# - axis: no two labels of the axis (months, days, holidays' names)
#   overlap (bounding boxes);
# - dates: no date cell of the table wraps;
# - holidays: each holiday is shaded apart from weekends, has its name
#   as a tooltip, and is named under the axis;
# - labels: a task name cut short, or running past the label column,
#   has the whole name as its own tooltip;
# - heading: a title and a subtitle that says which way the plan was
#   scheduled, from or to when, its span, the calendar and the day the
#   chart was made; a User Entry Process chart also gives the DCC User
#   and UEPT notice days;
# - legend: it has an item for each thing the chart draws, and no other;
# - sources: a Source cell gives the tag, then the citation, never
#   "TAG: citation".
# Skips itself (exit 77) where chromium is not installed; CI installs it.
# usage: check-browser.sh HTML [CHART...]
set -u
browser=
for name in chromium chromium-browser; do
	if command -v "$name" >/dev/null 2>&1; then
		browser=$(command -v "$name")
		break
	fi
done
if [ -z "$browser" ]; then
	echo "SKIP: chromium is not installed (apt-get install chromium)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/before.js" <<'EOF'
<script>
window.ukwdErrors = [];
window.addEventListener("error", function (e) { window.ukwdErrors.push(String(e.message)); });
(function () {
  var original = console.error;
  console.error = function () {
    window.ukwdErrors.push(Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
</script>
EOF

cat >"$tmp/checks.js" <<'EOF'
<script>
(function () {
  var out = [];
  var all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };
  var report = function (name, problems) {
    out.push(name + ": " + (problems.length ? "FAIL " + problems.slice(0, 5).join(" | ") : "ok"));
  };
  var overlap = function (a, b) {
    return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
           Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  };
  var own = function (el) {
    return Array.prototype.filter.call(el.childNodes, function (n) {
      return n.nodeType === 3;
    }).map(function (n) { return n.data; }).join("");
  };
  var titleOf = function (el) {
    var t = el.querySelector("title");
    return t ? t.textContent : null;
  };
  var svg = document.querySelector("svg");
  var table = document.getElementById("ukwd-tasks");
  var weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  out.push("width=" + window.innerWidth);

  /* axis: months, days and holidays' names, each pair apart */
  (function () {
    var problems = [];
    var labels = all(".grid text, text.holiday-name", svg).map(function (el) {
      return {text: own(el), box: el.getBoundingClientRect()};
    });
    for (var i = 0; i < labels.length; i++)
      for (var j = i + 1; j < labels.length; j++)
        if (overlap(labels[i].box, labels[j].box))
          problems.push("'" + labels[i].text + "' overlaps '" + labels[j].text + "'");
    if (labels.length === 0)
      problems.push("no axis labels");
    report("axis", problems);
  })();

  /* dates: no date cell wraps */
  if (table) (function () {
    var problems = [];
    var heads = all("thead th", table).map(function (th) { return th.textContent; });
    all("tbody tr", table).forEach(function (row) {
      heads.forEach(function (head, col) {
        if (["Start", "Finish", "Late start", "Late finish"].indexOf(head) < 0)
          return;
        var range = document.createRange();
        range.selectNodeContents(row.cells[col]);
        var tops = {};
        Array.prototype.forEach.call(range.getClientRects(), function (r) {
          tops[Math.round(r.top)] = 1;
        });
        if (Object.keys(tops).length > 1)
          problems.push(head + " '" + row.cells[col].textContent + "' wraps");
      });
    });
    report("dates", problems);
  })();

  /* holidays: shaded apart, named in a tooltip and under the axis */
  (function () {
    var problems = [], holidays = 0, weekendFill = null, holidayFill = null;
    var names = all("text.holiday-name", svg).map(function (el) {
      return (titleOf(el) || "") + " " + own(el);
    }).join(" ");
    all(".nonworking rect", svg).forEach(function (rect) {
      var title = titleOf(rect) || "";
      var name = title.replace(/^[0-9-]+: /, "");
      var fill = getComputedStyle(rect).fill;
      if (!title)
        problems.push("a non-working day without a tooltip");
      if (weekdays.indexOf(name) >= 0) {
        weekendFill = fill;
        if (rect.classList.contains("holiday"))
          problems.push(title + " is a weekend day drawn as a holiday");
        return;
      }
      holidays++;
      holidayFill = fill;
      if (!rect.classList.contains("holiday"))
        problems.push(title + " is not drawn as a holiday");
      if (names.indexOf(name) < 0)
        problems.push(title + " is not named under the axis");
    });
    if (weekendFill !== null && holidayFill !== null && weekendFill === holidayFill)
      problems.push("holidays and weekends have the same colour " + holidayFill);
    out.push("holidays=" + holidays);
    report("holidays", problems);
  })();

  /* labels: a cut or clipped task name has a tooltip of its own */
  (function () {
    var problems = [];
    all("text.label", svg).forEach(function (el) {
      var text = own(el), box = el.getBBox();
      var cut = text.charAt(text.length - 1) === String.fromCharCode(0x2026);
      if (!cut && box.x + box.width <= 274)
        return;
      var title = titleOf(el);
      var shown = cut ? text.slice(0, -1) : text;
      if (!title || (cut ? title.indexOf(shown) !== 0 || title === text : title !== text))
        problems.push("'" + text + "' has no tooltip with the whole name");
    });
    report("labels", problems);
  })();

  /* heading: title, subtitle, and for the User Entry Process its days */
  (function () {
    var problems = [];
    var title = table ? document.querySelector("h1") : document.querySelector("svg text.title");
    var subtitle = all(table ? "p.subtitle" : "svg text.subtitle").map(function (el) {
      return el.textContent;
    }).join(" ");
    var keys = all(table ? "ul.key-dates li" : "svg text.key-date").map(function (el) {
      return el.textContent;
    }).join(" ");
    var date = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    if (!title || !title.textContent.trim() || title.getBoundingClientRect().height === 0)
      problems.push("no visible title");
    if (!new RegExp("scheduled (forward from|backward to) " + date + ": " + date + " to " + date).test(subtitle))
      problems.push("the subtitle does not give the direction and span: '" + subtitle + "'");
    if (!/Calendar: [^ ]/.test(subtitle))
      problems.push("the subtitle does not name the calendar");
    if (!new RegExp("Made on " + date).test(subtitle))
      problems.push("the subtitle does not say when the chart was made");
    if (title && /^SEC User Entry Process/.test(title.textContent) &&
        (!new RegExp("DCC User [(][a-z-]+[)]: " + date).test(keys) ||
         !new RegExp("Give UEPT notice [(][a-z-]+[)]: " + date).test(keys)))
      problems.push("no DCC User or UEPT notice day in the heading: '" + keys + "'");
    report("heading", problems);
  })();

  /* legend: an item for each thing drawn, and no other */
  (function () {
    var problems = [];
    var drawn = {
      working: ".task .bar:not(.crit):not(.proposed)",
      critical: ".task.critical",
      proposed: ".task .bar.proposed",
      float: ".task .float",
      milestone: ".task .milestone",
      baseline: ".task .baseline",
      weekend: ".nonworking rect:not(.holiday)",
      holiday: ".nonworking rect.holiday",
      link: ".links path",
      today: "line.today:not(.legend line)"
    };
    var legend = all(".legend [data-key]", svg).map(function (el) {
      return el.getAttribute("data-key");
    });
    Object.keys(drawn).forEach(function (key) {
      var used = svg.querySelectorAll(drawn[key]).length > 0;
      var listed = legend.indexOf(key) >= 0;
      if (used && !listed)
        problems.push(key + " is drawn but not in the legend");
      if (!used && listed)
        problems.push(key + " is in the legend but not drawn");
    });
    legend.forEach(function (key) {
      if (!drawn[key])
        problems.push("the legend has '" + key + "'");
    });
    if (all(".legend text", svg).some(function (el) {
      return /PROPOSED/.test(el.textContent);
    }) && svg.querySelectorAll(drawn.proposed).length === 0)
      problems.push("the legend mentions PROPOSED and nothing is");
    out.push("legend=" + legend.join(","));
    report("legend", problems);
  })();

  /* sources: the tag, then the citation in its own words */
  if (table) (function () {
    var problems = [];
    var col = all("thead th", table).map(function (th) {
      return th.textContent;
    }).indexOf("Source");
    all("tbody tr", table).forEach(function (row) {
      var cell = row.cells[col], text = cell.textContent;
      if (/^(PROPOSED|CHECKLIST|SOURCED|USER) ?:/.test(text))
        problems.push("'" + text.slice(0, 60) + "' reads TAG: citation");
      if (text && (!cell.querySelector(".tag") ||
                   !/^(PROPOSED|CHECKLIST|SOURCED|USER)$/.test(cell.querySelector(".tag").textContent)))
        problems.push("'" + text.slice(0, 60) + "' has no tag of its own");
    });
    report("sources", problems);
  })();

  if (window.ukwdSort)
    window.ukwdSort(out);
  out.push("errors=" + window.ukwdErrors.length + " " + window.ukwdErrors.join(" | "));
  var pre = document.createElement("pre");
  pre.id = "ukwd-browser-test";
  pre.textContent = out.join(String.fromCharCode(10));
  document.body.appendChild(pre);
})();
</script>
EOF

cat >"$tmp/sort.js" <<'EOF'
<script>
window.ukwdSort = function (out) {
  function ids() {
    return Array.prototype.map.call(
      document.querySelectorAll("#ukwd-tasks tbody tr"),
      function (row) { return row.cells[1].textContent; }).join(",");
  }
  out.push("svg=" + document.querySelectorAll("figure svg").length);
  out.push("bars=" + document.querySelectorAll("svg .bar:not(.legend .bar)").length);
  out.push("rows=" + document.querySelectorAll("#ukwd-tasks tbody tr").length);
  var header = document.querySelectorAll("#ukwd-tasks thead th")[8];
  out.push("header=" + header.textContent);
  header.click();
  out.push("ascending=" + ids());
  header.click();
  out.push("descending=" + ids());
};
</script>
EOF

# Runs one page; its record goes to $tmp/got. 0 when chromium ran.
run_page() {
	"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update \
		--disable-sync --disable-quic --user-data-dir="$tmp/profile" \
		--window-size=1400,1000 \
		--dump-dom "file://$tmp/page.html" >"$tmp/dom" 2>"$tmp/stderr"
	status=$?
	if [ "$status" != 0 ]; then
		echo "chromium failed with status $status:"
		tail -5 "$tmp/stderr"
		return 1
	fi
	sed -n '/<pre id="ukwd-browser-test">/,/<\/pre>/p' "$tmp/dom" |
		sed -e 's/.*<pre id="ukwd-browser-test">//' -e 's/<\/pre>.*//' >"$tmp/got"
	if grep -q 'Uncaught' "$tmp/stderr"; then
		echo "chromium reported an uncaught error:"
		grep 'Uncaught' "$tmp/stderr"
		return 1
	fi
	return 0
}

failed=0
first=1
for file in "$@"; do
	if [ ! -r "$file" ]; then
		echo "$file: cannot read it"
		failed=$((failed + 1))
		continue
	fi
	# The harness goes straight after <head> and straight before </body>;
	# an SVG is put inline in an empty page first.
	: >"$tmp/extra.js"
	[ $first = 1 ] && cp "$tmp/sort.js" "$tmp/extra.js"
	if head -c 200 "$file" | grep -q '<svg\|<?xml'; then
		{
			echo '<!DOCTYPE html>'
			echo '<html lang="en"><head><meta charset="utf-8"/></head><body>'
			sed '/^<?xml/d' "$file"
			echo '</body></html>'
		} >"$tmp/wrapped.html"
		source=$tmp/wrapped.html
	else
		source=$file
	fi
	awk -v before="$tmp/before.js" -v after="$tmp/checks.js" -v extra="$tmp/extra.js" '
		function put(path,  line) {
			while ((getline line <path) > 0)
				print line
			close(path)
		}
		/<head>/ { sub(/<head>/, ""); print "<head>"; put(before) }
		/<\/body>/ { sub(/<\/body>/, ""); print; put(extra); put(after); print "</body>"; next }
		{ print }' "$source" >"$tmp/page.html"
	if ! run_page; then
		failed=$((failed + 1))
		first=0
		continue
	fi
	echo "== $file"
	cat "$tmp/got"
	for check in axis holidays labels heading legend; do
		grep -q "^$check: ok$" "$tmp/got" || {
			echo "$file: the $check check did not pass"
			failed=$((failed + 1))
		}
	done
	if grep -q '<table' "$file"; then
		for check in dates sources; do
			grep -q "^$check: ok$" "$tmp/got" || {
				echo "$file: the $check check did not pass"
				failed=$((failed + 1))
			}
		done
	fi
	grep -q '^width=1400$' "$tmp/got" || {
		echo "$file: the window is not 1400 pixels wide"
		failed=$((failed + 1))
	}
	grep -q '^errors=0 $' "$tmp/got" || {
		echo "$file: the page reported errors"
		failed=$((failed + 1))
	}
	if [ $first = 1 ]; then
		cat >"$tmp/expected" <<'EXPECTED'
svg=1
bars=14
rows=7
header=Total float
ascending=brief,design,build,review,launch,hosting,content
descending=content,brief,design,build,review,launch,hosting
EXPECTED
		grep -E '^(svg|bars|rows|header|ascending|descending)=' "$tmp/got" >"$tmp/sorted"
		if ! diff -u "$tmp/expected" "$tmp/sorted"; then
			echo "$file: the table did not sort as expected"
			failed=$((failed + 1))
		fi
	fi
	first=0
done
if [ "$failed" != 0 ]; then
	echo "$failed check(s) failed"
	exit 1
fi
echo "chromium: $# chart(s) laid out as a reader needs them, the table sorts, no errors"
