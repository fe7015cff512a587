package at.leoben.assistant.knowledge.sources;

/**
 * Why a page or a source could not be read. Each has a German and an English text
 * ({@code sources.problem.<NAME>}, with the detail as argument) for the admin.
 */
public enum PageProblem {
  /** The URL (or a redirect) leaves the city's network. */
  NOT_LOCAL,
  ROBOTS,
  TIMEOUT,
  TOO_LARGE,
  REDIRECT_LOOP,
  TOO_MANY_REDIRECTS,
  /** The server answered with an error status (detail: the status). */
  HTTP_STATUS,
  UNREACHABLE,
  /** Neither HTML nor PDF (detail: the content type). */
  NOT_SUPPORTED,
  /** A PDF source whose URL gives something else (detail: the content type). */
  NOT_PDF,
  /** A PDF without text, e.g. a scan. */
  NO_TEXT,
  /** A page or PDF that could not be parsed, or HTML without any text. */
  UNREADABLE,
  /** The page asks not to be indexed ({@code <meta name="robots" content="noindex">}). */
  NO_INDEX
}
