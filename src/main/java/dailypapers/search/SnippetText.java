package dailypapers.search;

/**
 * The title and abstract of one result as the caller shows them (the database's row), for
 * {@link SearchIndex#snippets} to highlight without reading its own copy of the text.
 */
public record SnippetText(String id, String title, String abstractText) {
}
