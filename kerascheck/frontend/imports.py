"""``import`` statements: Keras's modules resolve to symbols, the project's own modules run once."""

from __future__ import annotations

from typing import Any

import libcst as cst

from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.flow import Break, Continue, ControlUncertain, Return
from kerascheck.frontend.keras_names import ModuleRef, is_keras_module, resolve, star_names
from kerascheck.frontend.numeric_functions import CONSTANTS
from kerascheck.frontend.syntax import dotted_name
from kerascheck.frontend.values import LocalModule, Scope


class Imports:
    """Imports, and the project modules they execute."""

    def local_module(self, dotted: str | None, level: int) -> Any:
        """The project module ``dotted`` (``level`` leading dots), executed once; None if not local."""
        if self.finder is None or (level == 0 and (dotted is None or is_keras_module(dotted))):
            return None
        path = self.finder.find(dotted, level, self.current_file)
        if path is None:
            return None
        return self.load_module(path, dotted or "")

    def load_module(self, path: Any, name: str) -> Any:
        if path in self.loaded:
            return self.loaded[path]  # also a module still being imported: Python's partial module
        if len(self.loaded) >= 64 or path == self.main_file:
            return None
        parsed = self.finder.parse(path)
        if parsed is None:
            return None
        module = LocalModule(path, Scope({"__name__": name, "__file__": str(path)}))
        self.loaded[path] = module
        saved_file, saved_depth = self.current_file, self.depth
        self.current_file = path
        try:
            self.exec_block(parsed.module.body, module.scope)
        except (ControlUncertain, Break, Continue, Return):
            pass
        finally:
            self.current_file, self.depth = saved_file, saved_depth
        return module

    def module_attribute(self, module: LocalModule, attr: str) -> Any:
        if attr in module.scope.names:
            return module.scope.names[attr]
        if module.path.name == "__init__.py" and self.finder is not None:
            path = self.finder.module_file(module.path.parent, [attr])
            if path is not None:
                return self.load_module(path, attr)
        return UNKNOWN

    def anchored(self, node: Any) -> Any:
        """Context: code of another file runs on behalf of ``node`` in the analysed file."""
        interpreter = self

        class _Anchor:
            def __enter__(self) -> None:
                self.saved = interpreter.anchor
                if interpreter.anchor is None:
                    interpreter.anchor = node

            def __exit__(self, *exc: Any) -> None:
                interpreter.anchor = self.saved

        return _Anchor()

    def exec_import(self, stmt: cst.Import, scope: Scope) -> None:
        for alias in stmt.names:
            dotted = dotted_name(alias.name)
            if is_keras_module(dotted):
                self.session.keras_imported = True  # its backend is chosen
            with self.anchored(stmt):
                local = self.local_module(dotted, 0)
            if alias.asname is not None:
                self.bind(alias.asname.name, local if local is not None else resolve(dotted), scope)
            else:
                top = dotted.split(".")[0]
                if local is not None:
                    with self.anchored(stmt):
                        top_module = self.local_module(top, 0)
                    self.bind(top, top_module if top_module is not None else UNKNOWN, scope)
                else:
                    self.bind(top, ModuleRef(top), scope)

    def exec_import_from(self, stmt: cst.ImportFrom, scope: Scope) -> None:
        level = len(stmt.relative)
        module = dotted_name(stmt.module) if stmt.module is not None else None
        if not level and module is not None and (is_keras_module(module) or not isinstance(stmt.names, cst.ImportStar) and any(
                is_keras_module(f"{module}.{dotted_name(alias.name)}") for alias in stmt.names)):
            self.session.keras_imported = True  # its backend is chosen
        with self.anchored(stmt):
            local = self.local_module(module, level)
            if local is not None or level:
                self.import_local_names(stmt, module, level, local, scope)
                return
        if isinstance(stmt.names, cst.ImportStar):
            if module is not None and is_keras_module(module):
                for name, symbol in star_names(module).items():
                    scope.names[name] = symbol
            else:
                self.session.names_uncertain_from_opaque_code()
            return
        for alias in stmt.names:
            name = dotted_name(alias.name)
            bound = alias.asname.name.value if alias.asname is not None else name  # type: ignore[union-attr]
            dotted = f"{module}.{name}"
            scope.names[bound] = UNKNOWN if module is None else CONSTANTS[dotted] if dotted in CONSTANTS else resolve(dotted)

    def import_local_names(
        self, stmt: cst.ImportFrom, module: str | None, level: int, local: Any, scope: Scope
    ) -> None:
        if isinstance(stmt.names, cst.ImportStar):
            if local is None:
                self.session.names_uncertain_from_opaque_code()
                return
            for key, value in local.scope.names.items():
                if not key.startswith("_"):
                    scope.names[key] = value
            return
        for alias in stmt.names:
            name = dotted_name(alias.name)
            bound = alias.asname.name.value if alias.asname is not None else name  # type: ignore[union-attr]
            value: Any = UNKNOWN
            if local is not None and name in local.scope.names:
                value = local.scope.names[name]
            else:
                submodule = self.local_module(f"{module}.{name}" if module else name, level)
                if submodule is not None:
                    value = submodule
                elif local is None or not isinstance(local, LocalModule):
                    # Something kerascheck cannot see: calling it may build layers.
                    value = UNKNOWN
            scope.names[bound] = value
