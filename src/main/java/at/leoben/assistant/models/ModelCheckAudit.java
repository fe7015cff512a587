package at.leoben.assistant.models;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.llm.ApprovedModel;
import at.leoben.assistant.llm.ModelCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Every change of the model approval state goes into the audit trail, with both digests. */
@ApplicationScoped
class ModelCheckAudit {

  private final AuditTrail audit;

  ModelCheckAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @Transactional
  void onChange(@Observes ModelCheck check) {
    String note =
        "served digest "
            + check.servedDigest().filter(d -> !d.isEmpty()).orElse("-")
            + ", approved digest "
            + check.approval().map(ApprovedModel::digest).orElse("-")
            + ": "
            + check.reason();
    audit.recordModelCheck(check.model(), check.state().name(), note);
  }
}
