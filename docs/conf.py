"""Sphinx configuration for the commedu documentation."""

from __future__ import annotations

import commedu

project = "commedu"
author = "The commedu developers"
copyright = "2026, The commedu developers"
version = release = commedu.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# attrs generates __init__ signatures; documenting them again adds noise, not information.
autodoc_class_signature = "separated"


html_theme = "furo"
html_title = f"commedu {release}"
