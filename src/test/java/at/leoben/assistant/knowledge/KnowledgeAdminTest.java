package at.leoben.assistant.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class KnowledgeAdminTest {

  private static final String BASE = "/api/v1/admin/knowledge";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
    removeTestDocuments();
  }

  /** Documents made by tests use slugs starting with "test-"; earlier runs leave none behind. */
  static void removeTestDocuments() {
    Db.execute("delete from knowledge_document where slug like 'test-%'");
  }

  static Map<String, Object> document(String slug, String body) {
    Map<String, Object> document = new HashMap<>();
    document.put("slug", slug);
    document.put("title", "Testamt " + slug);
    document.put("sourceUrl", "https://www.leoben.at/test/" + slug);
    document.put("owner", "Digital.Team");
    document.put("updated", "2026-11-01");
    document.put("keywords", List.of("Testamt", "Prüfstelle"));
    document.put("body", body);
    return document;
  }

  static String uniqueSlug() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Stream<Arguments> endpoints() {
    String id = UUID.randomUUID().toString();
    return Stream.of(
        Arguments.of("GET", BASE),
        Arguments.of("GET", BASE + "/" + id),
        Arguments.of("POST", BASE),
        Arguments.of("PUT", BASE + "/" + id),
        Arguments.of("DELETE", BASE + "/" + id),
        Arguments.of("POST", BASE + "/import"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void everyEndpointRefusesAnonymousAndNonAdmins(String method, String path) {
    Supplier<RequestSpecification> anonymous = () -> given().contentType(ContentType.JSON).body("{}");
    assertThat(anonymous.get().request(method, path).statusCode()).isEqualTo(401);
    assertThat(given().auth().preemptive().basic("admin", "falsch").contentType(ContentType.JSON).body("{}")
            .request(method, path).statusCode())
        .isEqualTo(401);
    assertThat(Staff.asClerk().contentType(ContentType.JSON).body("{}").request(method, path).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theStarterKnowledgeIsThereWithWhatAnEditorMustConfirm() {
    Staff.asAdmin()
        .get(BASE)
        .then()
        .statusCode(200)
        .body("slug", hasItem("hunde"))
        .body("slug", hasItem("buergerservice"))
        .body("find { it.slug == 'hunde' }.unconfirmedFacts", greaterThan(0))
        .body("find { it.slug == 'hunde' }.passages", greaterThan(1))
        .body("find { it.slug == 'hunde' }.origin", equalTo("IMPORT"))
        .body("sourceUrl", everyItem(containsString("https://")));
  }

  @Test
  void createSearchUpdateAndDeleteADocument() {
    String slug = uniqueSlug();
    String id =
        Staff.asAdmin()
            .contentType(ContentType.JSON)
            .body(document(slug, "# Testamt\n\n## Öffnung\nDas Testamt prüft Zauberstäbe am Mittwoch."))
            .post(BASE)
            .then()
            .statusCode(201)
            .header("Location", containsString(BASE + "/"))
            .body("slug", equalTo(slug))
            .body("passages", equalTo(1))
            .body("stale", equalTo(false))
            .body("version", equalTo(0))
            .extract()
            .path("id");

    // The model is given the new passage and the answer names it as a source.
    given().contentType(ContentType.JSON).body(Map.of("message", "Wann prüft das Testamt Zauberstäbe?"))
        .post("/api/v1/chat")
        .then()
        .statusCode(200)
        .body("kind", equalTo("AI_GENERATED"))
        .body("sources.title", hasItem("Testamt " + slug))
        .body("sources.url", hasItem("https://www.leoben.at/test/" + slug));
    var sent = ollama.chatRequests().get(0).path("messages");
    assertThat(sent.get(sent.size() - 2).path("content").asText()).contains("Das Testamt prüft Zauberstäbe am Mittwoch.");

    Map<String, Object> changed = document(slug, "# Testamt\n\nDas Testamt prüft Besenstiele am Freitag.");
    changed.put("version", 0);
    Staff.asAdmin().contentType(ContentType.JSON).body(changed).put(BASE + "/" + id)
        .then().statusCode(200).body("version", equalTo(1)).body("body", containsString("Besenstiele"));
    Staff.asAdmin().contentType(ContentType.JSON).body(changed).put(BASE + "/" + id)
        .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("inzwischen geändert"));
    assertThat(Db.rows("select content from knowledge_passage p join knowledge_document d on d.id = p.document_id where d.slug = ?", slug))
        .extracting(row -> row.get("content").toString())
        .containsExactly("Das Testamt prüft Besenstiele am Freitag.");

    Staff.asAdmin().delete(BASE + "/" + id).then().statusCode(204);
    Staff.asAdmin().get(BASE + "/" + id).then().statusCode(404).contentType("application/problem+json");
    Staff.asAdmin().delete(BASE + "/" + id).then().statusCode(404);
    assertThat(Db.rows("select 1 from knowledge_passage p join knowledge_document d on d.id = p.document_id where d.slug = ?", slug)).isEmpty();
  }

  @Test
  void oldDocumentsShowAsStale() {
    String slug = uniqueSlug();
    Map<String, Object> old = document(slug, "Ein alter Text über das Testamt.");
    old.put("updated", "2020-01-01");
    Staff.asAdmin().contentType(ContentType.JSON).body(old).post(BASE).then().statusCode(201).body("stale", equalTo(true));
    Staff.asAdmin().queryParam("stale", true).get(BASE)
        .then().statusCode(200).body("slug", hasItem(slug)).body("slug", not(hasItem("hunde")));
  }

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        Arguments.of("no title", Map.of("title", ""), "title"),
        Arguments.of("not a URL", Map.of("sourceUrl", "leoben.at"), "source"),
        Arguments.of("bad date", Map.of("updated", "2026-13-45"), "updated"),
        Arguments.of("empty body", Map.of("body", "   "), "body"),
        Arguments.of("bad slug", Map.of("slug", "Hunde Info"), "file name"),
        Arguments.of("title over two lines", Map.of("title", "Zeile 1\nZeile 2"), "single line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDocuments")
  void invalidDocumentsAreRefusedWithTheReasonAndNothingIsStored(String what, Map<String, Object> change, String reason) {
    long documents = Db.count("knowledge_document");
    Map<String, Object> input = document(uniqueSlug(), "Ein gültiger Text.");
    input.putAll(change);
    Staff.asAdmin().contentType(ContentType.JSON).body(input).post(BASE)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("ungültig"))
        .body("errors[0].reason", containsString(reason));
    assertThat(Db.count("knowledge_document")).isEqualTo(documents);
  }

  @Test
  void aTakenSlugIsAConflict() {
    Staff.asAdmin().contentType(ContentType.JSON).body(document("hunde", "Noch ein Hundetext.")).post(BASE)
        .then().statusCode(409).contentType("application/problem+json");
  }

  @Test
  void importWithoutAConfiguredFolderIsExplained() {
    // JSON, not RestAssured's default form encoding: a form POST is checked for a CSRF token.
    Staff.asAdmin().contentType(ContentType.JSON).post(BASE + "/import")
        .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("ASSISTANT_KNOWLEDGE_FOLDER"));
  }
}
