package at.leoben.assistant.gaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the knowledge could not answer: first questions that got NO_KNOWLEDGE, questions handed to
 * a person (not in a sensitive area: those belong to the offices, not to the knowledge), and
 * answers rated thumbs-down. Similar questions are grouped by the German stems they share, so an
 * editor sees topics, not a list of single questions.
 *
 * <p>Reads the conversations' and ratings' tables directly (read-only, a report across rooms); the
 * questions there were redacted before they were stored.
 */
@ApplicationScoped
public class KnowledgeGaps {

  /** Two questions belong to one topic when at least this share of the shorter one's stems is shared. */
  private static final double SIMILAR = 0.5;

  private static final int EXAMPLES = 3;
  private static final int MAX_QUESTIONS = 5000;
  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
  /**
   * Stems that say nothing about a question's topic: words every question to the city has, the
   * words of asking for a person (every hand-over has them), and the redactor's placeholders.
   */
  private static final Set<String> GENERIC =
      Set.of(
          "leob", "stadt", "bitt", "brauch", "mocht", "frag", "gibt", "wiss", "info", "wann", "warum", "welch", "kann",
          "muss", "konn", "bekomm", "hab", "geht", "heut", "morg", "sag", "dank", "mensch", "sprech", "red", "jemand",
          "person", "mitarbeit", "mitarbeiterin", "sachbearbeit", "sachbearbeiterin", "beamt", "e", "e-mail", "mail",
          "telefon", "adress", "nam", "iban", "svnr", "kart", "geburtsdatum");

  private static final String QUESTIONS =
      """
      select q.content,
             array_to_string(tsvector_to_array(to_tsvector('german', q.content)), ' ') as stems,
             case when r.reason = 'NO_KNOWLEDGE' then 'NO_KNOWLEDGE'
                  when r.reason = 'HUMAN_REQUESTED' then 'HANDED_OVER'
                  else 'THUMBS_DOWN' end as why,
             r.created_at,
             i.id
      from message r
      join message q on q.conversation_id = r.conversation_id and q.position = r.position - 1 and q.author = 'CITIZEN'
      left join review_item i on i.message_id = r.id
      where r.author = 'ASSISTANT'
        and r.created_at >= :since
        and r.reason is distinct from 'SENSITIVE_AREA'
        and (r.reason in ('NO_KNOWLEDGE', 'HUMAN_REQUESTED')
             or exists (select 1 from feedback f where f.message_id = r.id and f.rating = 'DOWN'))
      order by r.created_at desc
      limit :max
      """;

  private final EntityManager entities;
  private final Clock clock;

  KnowledgeGaps(EntityManager entities, Clock clock) {
    this.entities = entities;
    this.clock = clock;
  }

  /** The gaps of the last {@code weeks} weeks, the most asked topic first. */
  @Transactional
  public List<Gap> lastWeeks(int weeks) {
    Instant since = Instant.now(clock).minus(Duration.ofDays(7L * weeks));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities.createNativeQuery(QUESTIONS).setParameter("since", since).setParameter("max", MAX_QUESTIONS).getResultList();
    List<GapQuestion> questions = new ArrayList<>();
    for (Object[] row : rows) {
      String question = (String) row[0];
      Set<String> stems = new LinkedHashSet<>(Arrays.asList(((String) row[1]).split(" ")));
      stems.removeIf(stem -> stem.isBlank() || GENERIC.contains(fold(stem)));
      questions.add(new GapQuestion(question, topicStems(question, stems), (String) row[2], instant(row[3]), (UUID) row[4]));
    }
    return group(questions);
  }

  /**
   * What a German question is about are its nouns, which German writes with a capital letter
   * ("Wann öffnet das Freibad?", "Hat das Freibad bei Regen offen?": both about the Freibad, not
   * about opening). So the stems of capitalised words inside a sentence stand for its topic; a
   * question without any (English, or all lower case) keeps all its stems.
   */
  static Set<String> topicStems(String question, Set<String> stems) {
    List<String> nouns = new ArrayList<>();
    Matcher word = WORD.matcher(question);
    while (word.find()) {
      String text = word.group();
      String before = question.substring(0, word.start()).stripTrailing();
      boolean sentenceStart = before.isEmpty() || ".?!:".indexOf(before.charAt(before.length() - 1)) >= 0;
      if (Character.isUpperCase(text.codePointAt(0)) && !sentenceStart) {
        nouns.add(fold(text));
      }
    }
    Set<String> topic = new LinkedHashSet<>();
    for (String stem : stems) {
      String folded = fold(stem);
      if (nouns.stream().anyMatch(noun -> noun.startsWith(folded))) {
        topic.add(stem);
      }
    }
    return topic.isEmpty() ? stems : topic;
  }

  /** Greedy grouping, newest question first: each joins the first topic it is similar enough to. */
  static List<Gap> group(List<GapQuestion> questions) {
    List<List<GapQuestion>> topics = new ArrayList<>();
    List<Set<String>> seeds = new ArrayList<>();
    for (GapQuestion question : questions) {
      int best = -1;
      double bestScore = 0;
      for (int i = 0; i < topics.size(); i++) {
        double score = overlap(question.stems(), seeds.get(i));
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0 && bestScore >= SIMILAR) {
        topics.get(best).add(question);
      } else {
        topics.add(new ArrayList<>(List.of(question)));
        seeds.add(question.stems());
      }
    }
    return topics.stream()
        .map(KnowledgeGaps::gap)
        .sorted(Comparator.comparingInt(Gap::count).reversed().thenComparing(Gap::lastAsked, Comparator.reverseOrder()))
        .toList();
  }

  private static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty() ? 1 : 0;
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return (double) shared.size() / Math.min(a.size(), b.size());
  }

  private static Gap gap(List<GapQuestion> members) {
    Map<String, Integer> perWeek = new TreeMap<>();
    Map<String, Integer> why = new LinkedHashMap<>();
    Map<String, Integer> stems = new HashMap<>();
    List<Gap.Example> examples = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    UUID reviewItem = null;
    for (GapQuestion question : members) {
      var day = question.askedAt().atZone(VIENNA);
      perWeek.merge(
          "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), 1, Integer::sum);
      why.merge(question.why(), 1, Integer::sum);
      question.stems().forEach(stem -> stems.merge(stem, 1, Integer::sum));
      if (examples.size() < EXAMPLES && shown.add(question.question().strip().toLowerCase(Locale.ROOT))) {
        examples.add(new Gap.Example(question.question(), question.why(), question.askedAt()));
      }
      if (reviewItem == null) {
        reviewItem = question.reviewItemId();
      }
    }
    return new Gap(
        topic(members, stems), members.size(), perWeek, why, examples, members.get(0).askedAt(), reviewItem, toInspect(members));
  }

  private static String toInspect(List<GapQuestion> members) {
    for (String why : List.of("NO_KNOWLEDGE", "THUMBS_DOWN")) {
      for (GapQuestion question : members) {
        if (why.equals(question.why())) {
          return question.question();
        }
      }
    }
    return members.get(0).question();
  }

  /**
   * The group's most shared stems (of a group of several, those at least two questions share), each
   * shown as a word of its questions that starts with it.
   */
  private static String topic(List<GapQuestion> members, Map<String, Integer> stems) {
    int least = members.size() > 1 ? 2 : 1;
    List<String> top =
        stems.entrySet().stream()
            .filter(stem -> stem.getValue() >= least)
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(3)
            .map(Map.Entry::getKey)
            .toList();
    List<String> words = new ArrayList<>();
    for (String stem : top) {
      words.add(wordFor(stem, members));
    }
    // "Repair-Café" has the stems repair-caf, repair and caf: one word is enough.
    List<String> distinct =
        words.stream()
            .distinct()
            .filter(word -> words.stream().noneMatch(other -> other.length() > word.length()
                && other.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))))
            .toList();
    return distinct.isEmpty() ? members.get(0).question() : String.join(", ", distinct);
  }

  private static String wordFor(String stem, List<GapQuestion> members) {
    String folded = fold(stem);
    for (GapQuestion question : members) {
      Matcher word = WORD.matcher(question.question());
      while (word.find()) {
        if (fold(word.group()).startsWith(folded)) {
          return word.group();
        }
      }
    }
    return stem;
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT).replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
        .replace("ae", "a").replace("oe", "o").replace("ue", "u");
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
  }
}
