"""The README's Python example runs as written: its ```pycon block under
"## Python" is a doctest (issue 17)."""
import doctest
import pathlib

README = pathlib.Path(__file__).resolve().parent.parent.parent / "README.md"


def python_example():
    lines, section, inside = [], False, False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line == "## Python"
        elif section and line.startswith("```pycon"):
            inside = True
        elif inside and line.startswith("```"):
            break
        elif inside:
            lines.append(line)
    return "\n".join(lines) + "\n"


def test_readme_python_example_runs():
    text = python_example()
    assert ">>> import" in text, "no ```pycon block under ## Python"
    test = doctest.DocTestParser().get_doctest(text, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 6 and result.failed == 0
