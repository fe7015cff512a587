package at.leoben.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-over replies and term lists come from configuration, area by area. */
class HandOversTest {

  private static final Texts TEXTS = new Texts(new SmallRyeConfigBuilder().build());

  record Office(String office, String officeEn, Optional<String> reply, Optional<String> replyEn)
      implements HandOverConfig.Office {}

  static HandOverConfig config(Map<String, HandOverConfig.Office> offices, Optional<Path> terms) {
    return new HandOverConfig() {
      public Map<String, Office> handOver() {
        return offices;
      }

      public Optional<Path> termsFile() {
        return terms;
      }

      public List<String> crisisLines() {
        return List.of("Rettung 144", "Telefonseelsorge 142");
      }
    };
  }

  static Map<String, HandOverConfig.Office> everyArea() {
    Map<String, HandOverConfig.Office> offices = new HashMap<>();
    for (SensitiveArea area : SensitiveArea.values()) {
      offices.put(area.key(), new Office("Amt für " + area.key(), "office for " + area.key(), Optional.empty(), Optional.empty()));
    }
    return offices;
  }

  @Test
  void theReplyNamesTheOfficeOfTheAreaInTheCitizensLanguage() {
    HandOvers handOvers = new HandOvers(config(everyArea(), Optional.empty()), TEXTS);
    assertThat(handOvers.text(SensitiveArea.HEALTH, Language.DE)).contains("Amt für health").contains("Bürgerservice");
    assertThat(handOvers.text(SensitiveArea.HEALTH, Language.EN)).contains("office for health");
  }

  @Test
  void aCrisisReplyStartsWithTheHelpAndTheNumbers() {
    String reply = new HandOvers(config(everyArea(), Optional.empty()), TEXTS).text(SensitiveArea.CRISIS, Language.DE);
    assertThat(reply.indexOf("144")).isLessThan(reply.indexOf("Amt für crisis"));
    assertThat(reply).contains("Rettung 144 · Telefonseelsorge 142");
  }

  @Test
  void anAreaMayHaveAReplyOfItsOwn() {
    Map<String, HandOverConfig.Office> offices = everyArea();
    offices.put("legal-advice", new Office("x", "y", Optional.of("Eigene Antwort."), Optional.of("Own reply.")));
    HandOvers handOvers = new HandOvers(config(offices, Optional.empty()), TEXTS);
    assertThat(handOvers.text(SensitiveArea.LEGAL_ADVICE, Language.DE)).isEqualTo("Eigene Antwort.");
    assertThat(handOvers.text(SensitiveArea.LEGAL_ADVICE, Language.EN)).isEqualTo("Own reply.");
  }

  @Test
  void anAreaWithoutAnOfficeStopsTheStart() {
    Map<String, HandOverConfig.Office> offices = everyArea();
    offices.remove("child-welfare");
    assertThatThrownBy(() -> new HandOvers(config(offices, Optional.empty()), TEXTS))
        .hasMessageContaining("assistant.guard.hand-over.child-welfare.office");
  }

  @Test
  void anOperatorsTermFileReplacesTheShippedList(@TempDir Path folder) throws IOException {
    Path terms = Files.writeString(folder.resolve("areas.txt"), "# eigene Liste\nhealth | zahnweh\n");
    ScopeGuard scope = new ScopeGuard(config(everyArea(), Optional.of(terms)));
    assertThat(scope.areaOf(TextFold.words(TextFold.fold("Ich habe Zahnweh")))).contains(SensitiveArea.HEALTH);
    assertThat(scope.areaOf(TextFold.words(TextFold.fold("Mein Asylantrag")))).isEmpty();
  }
}
