package at.leoben.assistant.knowledge.sources;

import java.time.Instant;
import java.util.List;

/**
 * What one crawl of a source did: requests sent, pages by outcome, and every page it could not
 * read, with why.
 *
 * @param startedBy the admin who asked for it, or null for the schedule
 * @param notModified pages the server answered 304 for (conditional request: nothing downloaded)
 * @param unchanged pages downloaded whose text was the same (nothing indexed)
 * @param waiting new or changed pages waiting for an editor
 */
public record CrawlReport(
    Instant startedAt,
    Instant finishedAt,
    String startedBy,
    int requests,
    int pages,
    int notModified,
    int unchanged,
    int added,
    int changed,
    int vanished,
    int waiting,
    List<Problem> problems) {

  public CrawlReport {
    problems = List.copyOf(problems);
  }

  /** A page that could not be read, and why. */
  public record Problem(String url, PageProblem problem, String detail) {

    /** The text of the problem for admins: {@code source.problem.<NAME>}. */
    public String messageKey() {
      return "source.problem." + problem.name();
    }

    public Object[] arguments() {
      return new Object[] {detail == null ? "" : detail};
    }
  }

  /** The counts for the staff page's summary line. */
  public Object[] summaryArguments() {
    return new Object[] {pages, requests, notModified, unchanged, added, changed, vanished, waiting};
  }

  String summary() {
    return "%d pages, %d requests: %d not modified, %d unchanged, %d new, %d changed, %d vanished, %d waiting, %d problems"
        .formatted(pages, requests, notModified, unchanged, added, changed, vanished, waiting, problems.size());
  }
}
