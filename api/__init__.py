"""Machinery every API endpoint of every app shares: pagination, CSV export, throttling, JSON errors.

- Lists use DRF's envelope (`count`, `next`, `previous`, `results`), 50 rows a page,
  `page_size` up to 200. A page past the end is a 404 naming the `page` parameter.
- `?format=csv` answers the whole filtered list as one CSV file (UTF-8 with BOM, so
  that Excel reads Chinese), up to EXPORT_LIMIT rows; `?format=json` the same as JSON (one envelope
  holding every row).
- Clients are throttled, anonymous ones by address at API_ANON_THROTTLE_RATE, signed-in users by
  account at API_USER_THROTTLE_RATE (settings, from the environment), counted in the shared
  cache (clients/); a 429 carries Retry-After.
- Nobody signs in through the API: only the session of a signed-in user is read, never an
  Authorization header (no password hashing on a public read).
- Errors are JSON naming what was wrong: a filter's parameter, the `page`, the `id`.
- ETags come from Django's ConditionalGetMiddleware: a repeated GET gets 304.
"""
