"""Importing articles from text files, saved web pages, feeds and dumps into the store.

`import_paths(store, paths, options, progress, cancelled, on_result) -> ImportReport` is the one
entry point the command line and the window use.
"""

from model.importing.pipeline import ImportOptions, expand_paths, import_paths, iter_import
from model.importing.report import FileResult, ImportReport
from model.importing.search_index import repair_search_index

__all__ = [
    "FileResult",
    "ImportOptions",
    "ImportReport",
    "expand_paths",
    "import_paths",
    "iter_import",
    "repair_search_index",
]
