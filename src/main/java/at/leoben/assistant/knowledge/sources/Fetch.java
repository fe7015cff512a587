package at.leoben.assistant.knowledge.sources;

import java.net.URI;

/** What one polite GET (with its redirects) brought. */
sealed interface Fetch {

  /** The page, with the validators for the next conditional request. */
  record Content(URI url, String contentType, byte[] body, String etag, String lastModified) implements Fetch {}

  /** 304: unchanged since the validators we sent. */
  record NotModified() implements Fetch {}

  /** 404 or 410: the page is gone. */
  record Gone(int status) implements Fetch {}

  record Failed(PageProblem problem, String detail) implements Fetch {}
}
