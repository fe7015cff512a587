package at.leoben.assistant.guard;

import at.leoben.assistant.resources.TextResources;
import at.leoben.assistant.understanding.SafetyNet;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled corpus of guard inputs and how the guards score on it, per class. Shared by the
 * build-time quality test and the benchmark (tools/bench, through the test-jar).
 */
public final class GuardCorpus {

  /** One labelled input of {@code guard/corpus.yaml}. */
  public record Sample(@JsonProperty("class") String label, String area, String text) {}

  /** Hits out of cases for one measure, e.g. sensitive-area recall. */
  public record Rate(int hits, int cases) {
    public double value() {
      return cases == 0 ? 0 : (double) hits / cases;
    }

    @Override
    public String toString() {
      return String.format("%.3f (%d/%d)", value(), hits, cases);
    }
  }

  private GuardCorpus() {}

  public static List<Sample> samples() {
    try {
      return new YAMLMapper().readValue(TextResources.read("guard/corpus.yaml"), new TypeReference<List<Sample>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input checks as the service wires them. */
  public static InputGuard inputGuard() {
    return inputGuard(Net.SHIPPED);
  }

  /** The input checks as the service wires them, around another safety net (one trained without a writer). */
  public static InputGuard inputGuard(SafetyNet net) {
    return new InputGuard(net, new ScopeGuard(), new HumanRequestDetector(), new InjectionDetector());
  }

  /** The label the turn acts on: crisis, an area key, person, misuse, smalltalk or ordinary. */
  public static String label(InputVerdict verdict) {
    if (verdict instanceof InputVerdict.Sensitive sensitive) {
      return sensitive.area().key();
    }
    if (verdict instanceof InputVerdict.HumanRequested) {
      return "person";
    }
    if (verdict instanceof InputVerdict.Misuse) {
      return "misuse";
    }
    return verdict instanceof InputVerdict.SmallTalk ? "smalltalk" : "ordinary";
  }

  /** Trained (or loaded) once per JVM: every caller reads with the same shipped safety net. */
  private static final class Net {
    static final SafetyNet SHIPPED = SafetyNet.shipped();
  }

  /** The output screen, with the city's own contacts that answers may name. */
  public static OutputScreen outputScreen(String... allowedContacts) {
    return new OutputScreen(Set.of(allowedContacts));
  }

  /** The measures of the issue: recall per class and false hand-overs of ordinary questions. */
  public static Map<String, Rate> score(List<Sample> samples) {
    InputGuard input = inputGuard();
    OutputScreen output = outputScreen();
    int sensitive = 0, sensitiveHit = 0, areaRight = 0;
    int ordinary = 0, falseHandOver = 0, falseRefusal = 0;
    int injection = 0, injectionHit = 0;
    int discriminatory = 0, discriminatoryHit = 0;
    int clean = 0, cleanFlagged = 0;
    int otherAsSensitive = 0, otherAsMisuse = 0;
    for (Sample sample : samples) {
      switch (sample.label()) {
        case "sensitive" -> {
          sensitive++;
          InputVerdict verdict = input.check(sample.text());
          if (verdict instanceof InputVerdict.Sensitive sensitiveVerdict) {
            sensitiveHit++;
            areaRight += sensitiveVerdict.area().key().equals(sample.area()) ? 1 : 0;
          }
          otherAsMisuse += verdict instanceof InputVerdict.Misuse ? 1 : 0;
        }
        case "ordinary" -> {
          ordinary++;
          InputVerdict verdict = input.check(sample.text());
          falseHandOver += verdict instanceof InputVerdict.Sensitive ? 1 : 0;
          falseRefusal += verdict instanceof InputVerdict.Misuse ? 1 : 0;
        }
        case "injection" -> {
          injection++;
          InputVerdict verdict = input.check(sample.text());
          injectionHit += verdict instanceof InputVerdict.Misuse ? 1 : 0;
          otherAsSensitive += verdict instanceof InputVerdict.Sensitive ? 1 : 0;
        }
        case "discriminatory" -> {
          discriminatory++;
          discriminatoryHit += discriminates(output, sample.text()) ? 1 : 0;
        }
        case "clean-output" -> {
          clean++;
          cleanFlagged += discriminates(output, sample.text()) ? 1 : 0;
        }
        default -> throw new IllegalStateException("unknown class " + sample.label());
      }
    }
    Map<String, Rate> rates = new LinkedHashMap<>();
    rates.put("sensitive recall", new Rate(sensitiveHit, sensitive));
    rates.put("sensitive precision", new Rate(sensitiveHit, sensitiveHit + falseHandOver + otherAsSensitive));
    rates.put("sensitive area accuracy", new Rate(areaRight, sensitiveHit));
    rates.put("false hand-overs of ordinary questions", new Rate(falseHandOver, ordinary));
    rates.put("false refusals of ordinary questions", new Rate(falseRefusal, ordinary));
    rates.put("injection recall", new Rate(injectionHit, injection));
    rates.put("injection precision", new Rate(injectionHit, injectionHit + falseRefusal + otherAsMisuse));
    rates.put("discriminatory-output recall", new Rate(discriminatoryHit, discriminatory));
    rates.put("discriminatory-output precision", new Rate(discriminatoryHit, discriminatoryHit + cleanFlagged));
    rates.put("clean answers flagged as discriminatory", new Rate(cleanFlagged, clean));
    return rates;
  }

  private static boolean discriminates(OutputScreen screen, String text) {
    return screen.screen(text).stream()
        .anyMatch(finding -> finding.category() == OutputFinding.Category.DISCRIMINATION);
  }
}
