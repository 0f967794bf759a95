/**
 * Chooses the search engine from the settings: {@link dailypapers.search.engine.SearchEngines} opens the
 * {@link dailypapers.search.SearchIndex} of a {@link dailypapers.search.SearchEngine}. It is the only code that
 * knows the engines' packages ({@code dailypapers.search.lucene} today).
 */
package dailypapers.search.engine;
