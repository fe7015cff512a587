package at.leoben.assistant.privacy;

/** One kind of search over a scan. Finders run in a fixed order; each sees earlier findings blanked. */
interface Finder {

  void find(Scan scan);
}
