"""ARS batch scoring: many organisations from one CSV/XLSX export, streamed through worker processes.

Modules: `reader` (encoding, delimiter, XLSX → raw rows), `mapping` (third-party column titles and
values), `rows` (one raw row → AnswerSet and warnings, or errors, read by `assess.values`),
`pool` (worker processes, crash isolation), `writer` (CSV/JSON results and errors, Excel-safe,
atomic), `workbook` (XLSX results and errors), `summary` (regional summary data and HTML), `run` (the whole batch).
"""

from __future__ import annotations
