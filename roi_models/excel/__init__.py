"""The Excel face: ``CC_`` worksheet functions (xlwings UDFs) and the business-case workbook.

- :mod:`roi_models.excel.registry`: the one list of the functions, their docs and arguments;
- :mod:`roi_models.excel.udfs`: the functions themselves (thin: normalise, call the engine);
- :mod:`roi_models.excel.workbook`: the deterministic builder of
  ``workbooks/contact_center_business_case.xlsx`` (``roi-models workbook``).

Nothing here is imported by the engine; importing this package does not import xlwings.
"""
