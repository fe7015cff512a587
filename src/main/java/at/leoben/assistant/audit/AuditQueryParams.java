package at.leoben.assistant.audit;

import jakarta.ws.rs.QueryParam;

/** The audit filter as query parameters, shared by listing and export. */
public class AuditQueryParams {

  @QueryParam("from")
  public String from;

  @QueryParam("to")
  public String to;

  @QueryParam("event")
  public String event;

  @QueryParam("kind")
  public String kind;

  @QueryParam("conversationId")
  public String conversationId;

  @QueryParam("model")
  public String model;

  @QueryParam("responsible")
  public String responsible;

  AuditFilter filter() {
    return AuditFilter.parse(from, to, event, kind, conversationId, model, responsible);
  }
}
