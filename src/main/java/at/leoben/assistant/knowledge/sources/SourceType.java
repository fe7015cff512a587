package at.leoben.assistant.knowledge.sources;

/** What a source is: a website (start page or sitemap) or one PDF. */
enum SourceType {
  WEB,
  PDF
}
