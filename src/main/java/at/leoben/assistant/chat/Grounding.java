package at.leoben.assistant.chat;

import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.llm.GroundingPassage;
import at.leoben.assistant.llm.ModelRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties answers to the city's knowledge: numbers the passages for the prompt ([1], [2], …), reads
 * back which of them an answer cites, and renders passages as an excerpt when the model is down.
 */
final class Grounding {

  private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");

  private Grounding() {}

  static ModelRequest request(TurnService.Turn turn, List<RetrievedPassage> passages) {
    List<GroundingPassage> numbered = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      RetrievedPassage passage = passages.get(i);
      numbered.add(new GroundingPassage(i + 1, passage.documentTitle(), passage.heading(), passage.text()));
    }
    return new ModelRequest(
        turn.question(), turn.conversation().history(), numbered, turn.conversation().language(), turn.plainLanguage());
  }

  /**
   * The passages an answer cites, in the order of their numbers. An answer that cites none was
   * still written from all of them, so then each of their documents is a source, once.
   */
  static List<Source> sources(List<RetrievedPassage> passages, String answer) {
    TreeSet<Integer> cited = new TreeSet<>();
    Matcher matcher = CITATION.matcher(answer);
    while (matcher.find()) {
      int ref = Integer.parseInt(matcher.group(1));
      if (ref >= 1 && ref <= passages.size()) {
        cited.add(ref);
      }
    }
    if (cited.isEmpty()) {
      Map<String, Source> documents = new LinkedHashMap<>();
      for (Source source : allSources(passages)) {
        documents.putIfAbsent(source.title() + "\n" + source.url(), source);
      }
      return List.copyOf(documents.values());
    }
    return cited.stream().map(ref -> source(ref, passages.get(ref - 1))).toList();
  }

  static List<Source> allSources(List<RetrievedPassage> passages) {
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      sources.add(source(i + 1, passages.get(i)));
    }
    return sources;
  }

  static String excerptText(String intro, List<RetrievedPassage> passages) {
    StringBuilder text = new StringBuilder(intro);
    for (int i = 0; i < passages.size(); i++) {
      RetrievedPassage passage = passages.get(i);
      text.append("\n\n[").append(i + 1).append("] ").append(passage.documentTitle());
      if (passage.heading() != null && !passage.heading().equals(passage.documentTitle())) {
        text.append(" – ").append(passage.heading());
      }
      text.append(":\n").append(passage.text());
    }
    return text.toString();
  }

  private static Source source(int ref, RetrievedPassage passage) {
    return new Source(ref, passage.documentTitle(), passage.sourceUrl());
  }
}
