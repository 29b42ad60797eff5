"""The funder report: streaming aggregation of a caseload, small-count protection, documents and sheets.

Import from the submodules (``replicate.report.build.build_report`` and so on); this package stays
light, because the indicator catalog imports its vocabulary.
"""
