"""The way each province's documents prescribe a department's list to be reviewed and approved before it is
published, quoted from the source documents, and what the portal does where they are silent.

The account that reviews is always the committee office of the department's own jurisdiction (duties'
CommitteeOffice); the documents name the bodies, and the pages and the provenance use their names.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from duties.models.jurisdictions import province_of


@dataclass(frozen=True)
class Procedure:
    reviewer: str  # who reviews first (初审 / 审核)
    approver: str  # who approves (审定)
    provision: str  # the document's words


JIANGXI = Procedure(
    reviewer=_("省生态环境保护委员会办公室"),
    approver=_("省委、省政府"),
    provision=_(
        "《江西省推动职能部门做好生态环境保护工作的实施意见》（三）：承担重要生态环境保护职责的省直部门"
        "“细化梳理明确本部门牵头的生态环境保护具体事项清单，报经省生态环境保护委员会（以下简称省环委会）办公室初审后"
        "报送省委、省政府审定，并依法通过本部门网站向社会公开”；（五）各市、县（市、区）“参照省级要求梳理确定"
        "生态环境保护各具体事项及牵头部门”。"
    ),
)
HENAN = Procedure(
    reviewer=_("省生态环境厅（会同有关部门）"),
    approver=_("省委、省政府"),
    provision=_(
        "《河南省贯彻落实〈关于推动职能部门做好生态环境保护工作的意见〉若干措施》（五）：省直有关职能部门"
        "“形成完整准确、清晰直观的本部门生态环境保护具体事项清单，经省生态环境厅会同有关部门审核后报省委、省政府审定，"
        "并依法依规通过本部门门户网站向社会公开……各省辖市、县（市、区）参照落实”。本平台由省生态环境保护委员会办公室"
        "账号办理审核。"
    ),
)
CHONGQING = Procedure(
    reviewer=_("市生态环境保护委员会办公室"),
    approver=_("市委、市政府"),
    provision=_(
        "《重庆市推动职能部门做好生态环境保护工作的实施方案》（一）：市政府有关职能部门“梳理形成完整准确、清晰直观、"
        "具体可行的本部门生态环境保护具体事项清单，做好部门间统筹协调后，本方案印发后2个月内，在本部门网站向社会公开"
        "……各区县应参照市级要求执行”。方案未写初审和审定的机关；本平台参照江西、河南的做法，由市生态环境保护委员会"
        "办公室初审、登记市委和市政府的审定。"
    ),
)
BY_PROVINCE = {"360000": JIANGXI, "410000": HENAN, "500000": CHONGQING}
DEFAULT = Procedure(
    reviewer=_("本级生态环境保护委员会办公室"),
    approver=_("本级党委、政府"),
    provision=_("本省文件未规定清单的初审和审定；本平台参照江西、河南的做法办理。"),
)


def procedure_for(department) -> Procedure:
    """The procedure for `department`'s list: its province's; a city's or county's list follows it locally."""
    jurisdiction = department.jurisdiction
    procedure = BY_PROVINCE.get(province_of(jurisdiction).pk, DEFAULT)
    if jurisdiction.parent_id is None:
        return procedure
    return Procedure(
        reviewer=_("%(name)s生态环境保护委员会办公室") % {"name": jurisdiction.name},
        approver=_("%(name)s党委、政府") % {"name": jurisdiction.name},
        provision=procedure.provision,
    )
