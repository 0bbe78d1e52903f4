"""The OOXML namespace table, one home for the Word reader and the redline writer.

Plain strings; nothing of ours is imported here.
"""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"          # w:
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"    # r:
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"        # .rels parts
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"            # m: (OMML)
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"          # mc:
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"                 # a:
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"  # wp:
V_NS = "urn:schemas-microsoft-com:vml"                                          # v: (VML)
XML_NS = "http://www.w3.org/XML/1998/namespace"                                 # xml:space
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"                   # Strict OOXML (refused)
