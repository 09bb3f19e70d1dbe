"""The site's identity as the footer and the contact page show it: read from settings, nothing else.

No database, no request: the 500 and 503 pages show the same footer when both may be broken.
"""

import re
from dataclasses import dataclass

from django.conf import settings

ICP_REGISTER_URL = "https://beian.miit.gov.cn/"
PUBLIC_SECURITY_REGISTER_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


@dataclass(frozen=True)
class SiteIdentity:
    owner: str
    contact_phone: str
    contact_email: str
    contact_address: str
    identifier: str
    icp_number: str
    public_security_number: str

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_phone or self.contact_email or self.contact_address)

    @property
    def icp_register_url(self) -> str:
        return ICP_REGISTER_URL

    @property
    def public_security_register_url(self) -> str:
        # The register is searched by the number's digits (京公网安备 11010502030143号 → 11010502030143).
        digits = "".join(re.findall(r"\d", self.public_security_number))
        return PUBLIC_SECURITY_REGISTER_URL.format(code=digits) if digits else ""


def site_identity() -> SiteIdentity:
    """Read the identity from the settings (SITE_OWNER, SITE_CONTACT_*, SITE_IDENTIFIER, SITE_ICP_NUMBER …)."""
    return SiteIdentity(
        owner=settings.SITE_OWNER,
        contact_phone=settings.SITE_CONTACT_PHONE,
        contact_email=settings.SITE_CONTACT_EMAIL,
        contact_address=settings.SITE_CONTACT_ADDRESS,
        identifier=settings.SITE_IDENTIFIER,
        icp_number=settings.SITE_ICP_NUMBER,
        public_security_number=settings.SITE_PUBLIC_SECURITY_NUMBER,
    )
