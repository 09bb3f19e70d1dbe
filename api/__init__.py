"""Machinery every API endpoint of every app shares: parameters, pagination, formats, errors, schema, routes.

- Parameters (parameters.py): an endpoint accepts exactly the query parameters its schema documents,
  each once and never empty; anything else is a 400 naming the parameter.
- Lists use DRF's envelope (`count`, `count_capped`, `next`, `previous`, `results`), 50 rows a page,
  `page` from 1, `page_size` from 1 to 200 (pagination.py). A page past the end is a 404 naming `page`.
- Formats (renderers.py, routers.py): every list and record is also a CSV file at its own address
  (`duties.csv`, `duties/{id}.csv`; UTF-8 with BOM, so that Excel reads Chinese); `?format=csv|json`
  exports the whole filtered list, up to EXPORT_LIMIT rows; an unknown format is a 406 naming `format`.
- Clients are throttled, anonymous ones by address at API_ANON_THROTTLE_RATE, signed-in users by
  account at API_USER_THROTTLE_RATE (settings, from the environment), counted in the shared
  cache (clients/); a 429 carries Retry-After.
- Nobody signs in through the API: no Authorization header is read (no password hashing on a public read).
- Errors (errors.py) are JSON in Chinese naming what was wrong: a filter's parameter, the `page`, the
  `id` or `code`, the `path`.
- The schema (schema.py) documents all of this, CSV as text, and links lists to their records.
- ETags come from Django's ConditionalGetMiddleware: a repeated GET gets 304.
"""
