#!/bin/sh
# The HTML in a real browser: Debian's chromium, headless, no network.
# Runs a golden HTML file (what ukwd-plan --format html writes) with a
# small harness around it: one script before the page's own records
# uncaught errors and console.error calls; one after checks that the SVG
# and the table are in the DOM, clicks the "Total float" header twice and
# records the row order each time. `chromium --dump-dom` prints the DOM
# after the scripts ran, and this script compares the record.
# Skips itself (exit 77) where chromium is not installed; CI installs it.
# usage: check-browser.sh HTML
set -u
html=$1
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

before='<script>
window.ukwdErrors = [];
window.addEventListener("error", function (e) { window.ukwdErrors.push(String(e.message)); });
(function () {
  var original = console.error;
  console.error = function () {
    window.ukwdErrors.push(Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
</script>'
after='<script>
(function () {
  var out = [];
  function ids() {
    return Array.prototype.map.call(
      document.querySelectorAll("#ukwd-tasks tbody tr"),
      function (row) { return row.cells[1].textContent; }).join(",");
  }
  out.push("svg=" + document.querySelectorAll("figure svg").length);
  out.push("bars=" + document.querySelectorAll("svg .bar").length);
  out.push("rows=" + document.querySelectorAll("#ukwd-tasks tbody tr").length);
  var header = document.querySelectorAll("#ukwd-tasks thead th")[8];
  out.push("header=" + header.textContent);
  header.click();
  out.push("ascending=" + ids());
  header.click();
  out.push("descending=" + ids());
  out.push("errors=" + window.ukwdErrors.length + " " + window.ukwdErrors.join(" | "));
  var pre = document.createElement("pre");
  pre.id = "ukwd-browser-test";
  pre.textContent = out.join(String.fromCharCode(10));
  document.body.appendChild(pre);
})();
</script>'

# The harness goes straight after <head> and straight before </body>.
awk -v before="$before" -v after="$after" '
	/<head>/ { sub(/<head>/, "<head>\n" before) }
	/<\/body>/ { sub(/<\/body>/, after "\n</body>") }
	{ print }' "$html" >"$tmp/page.html"

"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update \
	--disable-sync --disable-quic --user-data-dir="$tmp/profile" \
	--dump-dom "file://$tmp/page.html" >"$tmp/dom" 2>"$tmp/stderr"
status=$?
if [ "$status" != 0 ]; then
	echo "chromium failed with status $status:"
	tail -5 "$tmp/stderr"
	exit 1
fi
sed -n '/<pre id="ukwd-browser-test">/,/<\/pre>/p' "$tmp/dom" |
	sed -e 's/.*<pre id="ukwd-browser-test">//' -e 's/<\/pre>.*//' >"$tmp/got"
cat >"$tmp/expected" <<'EXPECTED'
svg=1
bars=17
rows=7
header=Total float
ascending=brief,design,build,review,launch,hosting,content
descending=content,brief,design,build,review,launch,hosting
errors=0 
EXPECTED
if ! diff -u "$tmp/expected" "$tmp/got"; then
	echo "the page did not behave as expected in chromium"
	exit 1
fi
if grep -q 'Uncaught' "$tmp/stderr"; then
	echo "chromium reported an uncaught error:"
	grep 'Uncaught' "$tmp/stderr"
	exit 1
fi
echo "chromium: the SVG and the table are there, the table sorts, no errors"
