"""lib/python/ukwd.pyi names what the module has, and every public
function and method of the module has a docstring (issue 17)."""
import ast
import inspect
import pathlib

import ukwd

STUB = (pathlib.Path(__file__).resolve().parent.parent.parent
        / "lib" / "python" / "ukwd" / "__init__.pyi")


CLASSES = ["Calendar", "Plan", "Schedule", "Risk"]


def stub_names():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    top, methods = set(), {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            top.add(node.name)
        if isinstance(node, ast.AnnAssign):
            top.add(node.target.id)
        if isinstance(node, ast.ClassDef) and node.name in CLASSES:
            methods[node.name] = {
                n.name for n in node.body
                if isinstance(n, ast.FunctionDef)} | {
                n.target.id for n in node.body
                if isinstance(n, ast.AnnAssign)}
    return top, methods


def test_the_stub_names_the_module():
    top, methods = stub_names()
    # ukwd.pandas and ukwd.dask are Python modules, imported on demand.
    public = {n for n in dir(ukwd) if not n.startswith("_")} \
        - {"pandas", "dask"} | {"__version__"}
    assert top - {"DateLike", "DatesLike", "IntsLike", "Roll",
                  "Division", "Format", "Distribution",
                  "RiskFormat"} == public
    for name in CLASSES:
        cls = getattr(ukwd, name)
        public = {n for n in dir(cls) if not n.startswith("_")}
        assert methods[name] - {"__new__", "__len__", "_repr_html_"} \
            == public, name


def test_everything_public_has_a_docstring():
    for name in dir(ukwd):
        obj = getattr(ukwd, name)
        if name.startswith("_") or not callable(obj):
            continue
        assert inspect.getdoc(obj), name
    for cls in CLASSES:
        for name in dir(getattr(ukwd, cls)):
            if not name.startswith("_") or name == "_repr_html_":
                obj = getattr(getattr(ukwd, cls), name)
                if callable(obj) or isinstance(obj, property) or \
                        type(obj).__name__ == "getset_descriptor":
                    assert inspect.getdoc(obj), f"{cls}.{name}"


SUBMODULES = ["ukwd.notice", "ukwd.pandas", "ukwd.uep", "ukwd.dask"]


def test_submodules_document_every_public_name():
    import importlib
    for module_name in SUBMODULES:
        module = importlib.import_module(module_name)
        assert inspect.getdoc(module), module_name
        names = getattr(module, "__all__", None) or [
            n for n in dir(module) if not n.startswith("_")]
        for name in names:
            obj = getattr(module, name)
            if inspect.ismodule(obj) or not callable(obj):
                continue
            assert inspect.getdoc(obj), f"{module_name}.{name}"
            for attr in dir(obj) if inspect.isclass(obj) else []:
                if not attr.startswith("_"):
                    assert inspect.getdoc(getattr(obj, attr)), \
                        f"{module_name}.{name}.{attr}"
