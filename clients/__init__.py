"""Who is asking and how often: the client's address behind the proxies, and per-client request limits.

One notion of the client's address (`addresses.client_address`) serves the API throttle, the
form and sign-in limits, django-axes' lockouts and the logs alike.
"""
