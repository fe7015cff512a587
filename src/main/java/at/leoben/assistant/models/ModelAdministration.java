package at.leoben.assistant.models;

import at.leoben.assistant.llm.ApprovedModel;
import at.leoben.assistant.llm.LlmConfig;
import at.leoben.assistant.llm.ModelApproval;
import at.leoben.assistant.llm.ModelCheck;
import at.leoben.assistant.llm.ModelGateway;
import at.leoben.assistant.llm.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The approved-model registry and the state of the configured model, as admins see them. */
@ApplicationScoped
public class ModelAdministration {

  private final ModelRegistry registry;
  private final ModelApproval approval;
  private final ModelGateway gateway;
  private final LlmConfig llm;

  ModelAdministration(ModelRegistry registry, ModelApproval approval, ModelGateway gateway, LlmConfig llm) {
    this.registry = registry;
    this.approval = approval;
    this.gateway = gateway;
    this.llm = llm;
  }

  public ModelsView view() {
    return view(approval.current());
  }

  /** Asks Ollama now, e.g. after the Digital.Team approved a new digest and redeployed. */
  public ModelsView checkNow() {
    return view(approval.check());
  }

  private ModelsView view(ModelCheck check) {
    var configured = registry.find(llm.model());
    return new ModelsView(
        new ModelsView.Configured(
            check.model(),
            check.state().name(),
            check.servedDigest().orElse(null),
            check.approval().map(ApprovedModel::digest).orElse(null),
            check.reason(),
            check.checkedAt()),
        gateway.promptVersion(),
        registry.source(),
        registry.approved().stream()
            .map(
                model ->
                    new ModelsView.Approved(
                        model.name(),
                        model.digest(),
                        model.base().orElse(null),
                        model.modelfile().orElse(null),
                        model.purpose(),
                        model.approvedBy(),
                        model.approvedOn(),
                        model.notes().orElse(null),
                        configured.filter(model::equals).isPresent()))
            .toList());
  }
}
