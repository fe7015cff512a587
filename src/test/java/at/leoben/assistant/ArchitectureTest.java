package at.leoben.assistant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelOutput;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md as executable rules: package-by-feature, one-way turn flow, model
 * output only leaves through the disclosure package, LangChain4j only behind the llm package.
 */
@AnalyzeClasses(packages = "at.leoben.assistant", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  // Fully qualified: "..chat.." alone would also match dev.langchain4j.model.chat.
  private static final String ROOT = "at.leoben.assistant";
  private static final String CHAT = ROOT + ".chat..";
  private static final String LLM = ROOT + ".llm..";
  private static final String DISCLOSURE = ROOT + ".disclosure..";
  private static final String AUDIT = ROOT + ".audit..";
  private static final String GUARD = ROOT + ".guard..";
  private static final String FALLBACK = ROOT + ".fallback..";
  private static final String KNOWLEDGE = ROOT + ".knowledge..";
  private static final String KNOWLEDGE_SOURCES = ROOT + ".knowledge.sources..";

  private static final DescribedPredicate<JavaAccess<?>> READS_RAW_MODEL_TEXT =
      DescribedPredicate.describe(
          "ModelOutput.text() or ModelEvent.Token.text()",
          access ->
              access.getName().equals("text")
                  && (access.getTargetOwner().isEquivalentTo(ModelOutput.class)
                      || access.getTargetOwner().isEquivalentTo(ModelEvent.Token.class)));

  @ArchTest
  static final ArchRule model_text_is_read_only_where_it_is_disclosed =
      noClasses()
          .that()
          .resideOutsideOfPackages(DISCLOSURE, LLM)
          // accessTargetWhere also sees method references such as ModelOutput::text.
          .should()
          .accessTargetWhere(READS_RAW_MODEL_TEXT)
          .because(
              "AI-made text may reach a citizen only wrapped with its KI-generiert disclosure,"
                  + " so only the disclosure package may unwrap it");

  @ArchTest
  static final ArchRule only_llm_talks_to_langchain4j =
      noClasses()
          .that()
          .resideOutsideOfPackage(LLM)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.langchain4j..")
          .because("the llm package is the only door to the model (timeouts, breaker, approval)");

  @ArchTest
  static final ArchRule resources_never_see_the_model =
      noClasses()
          .that()
          .areAnnotatedWith(Path.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(LLM)
          .because("REST resources must never handle raw model output, only disclosed answers");

  @ArchTest
  static final ArchRule resources_return_no_raw_text =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(Path.class)
          .should(notReturnRawText())
          .because(
              "a bare String (or a stream of them) carries no KI-generiert label;"
                  + " replies are typed objects that hold their disclosure");

  @ArchTest
  static final ArchRule later_steps_never_call_back_into_chat =
      noClasses()
          .that()
          .resideInAnyPackage(AUDIT, DISCLOSURE, LLM, GUARD, FALLBACK, KNOWLEDGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(CHAT)
          .because("a turn flows one way: resource -> guard -> llm -> disclosure -> audit -> response");

  @ArchTest
  static final ArchRule knowledge_comes_before_the_model =
      noClasses()
          .that()
          .resideInAPackage(KNOWLEDGE)
          // The sources (crawls, editors' decisions) are the admins' side of the knowledge, not a
          // step of a turn; they audit what they import. Retrieval itself stays before the model.
          .and()
          .resideOutsideOfPackage(KNOWLEDGE_SOURCES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(LLM, DISCLOSURE, AUDIT)
          .because("retrieval runs before the model and must not call forward into later steps");

  @ArchTest
  static final ArchRule knowledge_sources_never_see_the_model =
      noClasses()
          .that()
          .resideInAPackage(KNOWLEDGE_SOURCES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(LLM, DISCLOSURE, CHAT)
          .because("crawled pages are data for retrieval; they never reach the model but through a turn");

  @ArchTest
  static final ArchRule audit_is_independent_of_the_model =
      noClasses()
          .that()
          .resideInAPackage(AUDIT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(LLM)
          .because("the audit records what was delivered, never talks to the model");

  @ArchTest
  static final ArchRule llm_knows_nothing_of_later_steps =
      noClasses()
          .that()
          .resideInAPackage(LLM)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DISCLOSURE, AUDIT)
          .because("the model step comes before disclosure and audit and must not call forward into them");

  @ArchTest
  static final ArchRule privacy_stands_alone =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".privacy..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CHAT, LLM, DISCLOSURE, AUDIT, GUARD, FALLBACK, KNOWLEDGE, ROOT + ".review..", ROOT + ".web..")
          .because("redaction runs before everything else and must be usable (and testable) on its own");

  @ArchTest
  static final ArchRule feature_packages_are_free_of_cycles =
      slices()
          .matching(ROOT + ".(*)..")
          .should()
          .beFreeOfCycles()
          .because("package-by-feature only works when each room can be understood on its own");

  @ArchTest
  static final ArchRule configuration_through_config_mapping =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty")
          .because("configuration is typed and validated at start-up through @ConfigMapping interfaces");

  @ArchTest
  static final ArchRule no_field_injection =
      noFields()
          .should()
          .beAnnotatedWith(Inject.class)
          .because("constructor injection keeps classes testable without a container");

  static ArchCondition<JavaMethod> notReturnRawText() {
    return new ArchCondition<>("not return String, Multi<String> or Uni<String>") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        if (returnsRawText(method.getReturnType())) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  method.getFullName() + " returns " + method.getReturnType().getName()));
        }
      }
    };
  }

  private static boolean returnsRawText(JavaType type) {
    if (type.toErasure().isEquivalentTo(String.class)) {
      return true;
    }
    boolean reactive =
        type.toErasure().isEquivalentTo(Multi.class) || type.toErasure().isEquivalentTo(Uni.class);
    if (!reactive) {
      return false;
    }
    // A raw Multi/Uni cannot be shown to carry something other than text.
    if (!(type instanceof JavaParameterizedType parameterized)) {
      return true;
    }
    return parameterized.getActualTypeArguments().stream()
        .anyMatch(argument -> argument.toErasure().isEquivalentTo(String.class));
  }

  // --- The rules above must be able to fail: each is checked against a violating fixture. ---
  // Fixtures carry no CDI/JAX-RS annotations, so @QuarkusTest runs never pick them up.

  static final class ReadsModelText {
    String answer(ModelOutput output) {
      return output.text();
    }
  }

  static final class ReadsTokenText {
    String token(ModelEvent.Token token) {
      return token.text();
    }
  }

  static final class ReadsModelTextByReference {
    Function<ModelOutput, String> answer() {
      return ModelOutput::text;
    }
  }

  static final class ReadsOnlyMetadata {
    String model(ModelOutput output) {
      return output.model();
    }
  }

  static final class UsesLangChain4j {
    Object message() {
      return dev.langchain4j.data.message.UserMessage.from("Hallo");
    }
  }

  static final class ReturnsText {
    String plain() {
      return "";
    }

    Multi<String> stream() {
      return Multi.createFrom().empty();
    }

    Uni<String> later() {
      return Uni.createFrom().nullItem();
    }
  }

  static final class ReturnsTypedObjects {
    Multi<List<String>> lists() {
      return Multi.createFrom().empty();
    }

    ModelEvent event() {
      return null;
    }

    void nothing() {}
  }

  private static JavaClasses fixture(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void modelTextRuleCatchesCallsAndMethodReferences() {
    assertTrue(model_text_is_read_only_where_it_is_disclosed.evaluate(fixture(ReadsModelText.class)).hasViolation());
    assertTrue(model_text_is_read_only_where_it_is_disclosed.evaluate(fixture(ReadsTokenText.class)).hasViolation());
    assertTrue(
        model_text_is_read_only_where_it_is_disclosed
            .evaluate(fixture(ReadsModelTextByReference.class))
            .hasViolation());
    // Metadata such as the model name is not AI-made text.
    assertFalse(
        model_text_is_read_only_where_it_is_disclosed.evaluate(fixture(ReadsOnlyMetadata.class)).hasViolation());
  }

  @Test
  void langChainRuleCatchesUseOutsideLlm() {
    assertTrue(only_llm_talks_to_langchain4j.evaluate(fixture(UsesLangChain4j.class)).hasViolation());
  }

  @Test
  void rawTextConditionCatchesStringAndStreamsOfStrings() {
    ArchRule rule = methods().should(notReturnRawText());
    var result = rule.evaluate(fixture(ReturnsText.class));
    assertTrue(result.hasViolation());
    String report = result.getFailureReport().toString();
    assertTrue(report.contains("plain()"), report);
    assertTrue(report.contains("stream()"), report);
    assertTrue(report.contains("later()"), report);
    assertFalse(
        methods().should(notReturnRawText()).evaluate(fixture(ReturnsTypedObjects.class)).hasViolation());
  }
}
