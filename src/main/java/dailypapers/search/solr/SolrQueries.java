package dailypapers.search.solr;

import static dailypapers.search.KeywordRanking.AUTHORS_BOOST;
import static dailypapers.search.KeywordRanking.CATEGORIES_BOOST;
import static dailypapers.search.KeywordRanking.HYPHEN_IN_WORD;
import static dailypapers.search.KeywordRanking.TITLE_BOOST;

import dailypapers.search.Filters;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keyword queries and filters in Solr's JSON query DSL, shaped as {@code LuceneSearchIndex} shapes its Lucene
 * queries. The user's text travels as JSON values: taken as one term ({@code term}, {@code prefix}), or analysed
 * by the field as one quoted phrase, so no text can act as an operator of Solr's syntax.
 */
final class SolrQueries {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    /** Title ({@link dailypapers.search.KeywordRanking#TITLE_WEIGHT} times) and abstract in one field: BM25F over both, as one idf. */
    static final String TEXT = "text";
    static final String AUTHORS = "authors";
    static final String CATEGORIES = "categories";
    static final String CATEGORY = "category";
    static final String TITLE_KEY = "title_key";
    static final String PUBLISHED = "published";
    static final String UPVOTES = "upvotes";
    static final String HAS = "has";
    static final String VECTOR = "vector";
    static final String VERSION = "version";

    /** Every document: the query beside filters alone, and the base that exclusions are taken from. */
    static final Map<String, Object> MATCH_ALL = Map.of("lucene", Map.of("query", "*:*"));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEARCHABLE = Pattern.compile("[\\p{L}\\p{N}]");

    private SolrQueries() {
    }

    /**
     * The scored part of a keyword query (filters go separately), or null when it has no searchable words: every
     * word may match in any field; with {@code requireAllWords} each must match somewhere (a compound as itself or
     * all of its parts); quoted phrases must match.
     */
    static Map<String, Object> scored(KeywordQuery query) {
        List<Object> should = new ArrayList<>();
        List<Object> must = new ArrayList<>();
        for (String word : WHITESPACE.split(query.text().strip())) {
            if (!SEARCHABLE.matcher(word).find()) {
                continue;
            }
            List<Object> fields = List.of(field(TEXT, word), boosted(field(AUTHORS, word), AUTHORS_BOOST),
                    boosted(field(CATEGORIES, word), CATEGORIES_BOOST));
            List<Object> parts = parts(word);
            if (query.requireAllWords()) {
                List<Object> any = new ArrayList<>(fields);
                if (!parts.isEmpty()) {
                    any.add(bool("must", parts));
                }
                must.add(bool("should", any));
            } else {
                should.addAll(fields);
                should.addAll(parts);
            }
        }
        for (String phrase : query.phrases()) {
            if (SEARCHABLE.matcher(phrase).find()) {
                must.add(phrase(phrase));
            }
        }
        if (should.isEmpty() && must.isEmpty()) {
            return null;
        }
        return Map.of("bool", must.isEmpty() ? Map.of("should", should) : Map.of("should", should, "must", must));
    }

    /** A compound's parts ("multi-agent": multi, agent), each a word of title and abstract; empty for others. */
    private static List<Object> parts(String word) {
        List<String> parts = Arrays.stream(HYPHEN_IN_WORD.split(word)).filter(p -> !p.isEmpty()).toList();
        return parts.size() < 2 ? List.of() : parts.stream().<Object>map(p -> field(TEXT, p)).toList();
    }

    /** A quoted phrase, found in the title, the abstract or one author's name. */
    static Map<String, Object> phrase(String phrase) {
        return bool("should", List.of(boosted(field(TITLE, phrase), TITLE_BOOST), field(ABSTRACT, phrase),
                boosted(field(AUTHORS, phrase), AUTHORS_BOOST)));
    }

    /** The filters as filter queries: they narrow results without scoring. */
    static List<Map<String, Object>> filters(Filters filters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String author : filters.authors()) {
            out.add(field(AUTHORS, author));
        }
        for (String category : filters.categories()) {
            String c = category.toLowerCase(Locale.ROOT);
            out.add(c.contains(".") ? term(CATEGORY, c)
                    // An archive: cs means cs and every cs.* category.
                    : bool("should", List.of(term(CATEGORY, c), Map.of("prefix", Map.of("f", CATEGORY,
                            "query", c + ".")))));
        }
        if (filters.from().isPresent() || filters.until().isPresent()) {
            long from = filters.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE + 1);
            long until = filters.until().map(d -> d.toEpochDay() - 1).orElse(Long.MAX_VALUE);
            // Numbers of ours, not the user's text.
            out.add(Map.of("lucene", Map.of("query", PUBLISHED + ":[" + from + " TO " + until + "]")));
        }
        if (filters.hasCode()) {
            out.add(term(HAS, "code"));
        }
        for (String phrase : filters.phrases()) {
            if (SEARCHABLE.matcher(phrase).find()) {
                out.add(phrase(phrase));
            }
        }
        if (!filters.excludedIds().isEmpty()) {
            out.add(Map.of("bool", Map.of("must", List.of(MATCH_ALL),
                    "must_not", filters.excludedIds().stream().sorted().map(id -> term(ID, id)).toList())));
        }
        return out;
    }

    /** Every order ends in the descending id, so ties never fall back to index order. */
    static String sort(ResultOrder order) {
        return switch (order) {
            case RELEVANCE -> "score desc," + ID + " desc";
            case DATE -> PUBLISHED + " desc," + ID + " desc";
            case UPVOTES -> UPVOTES + " desc," + PUBLISHED + " desc," + ID + " desc";
        };
    }

    /**
     * Text analysed as {@code field} analyses queries, as one quoted phrase: a term when it is one word, a phrase
     * when it splits, nothing to match when it has no terms (a stop word). Quoted, so Solr's parser reads no
     * operator in it ({@code OR}, {@code {!…}}, {@code *}).
     */
    static Map<String, Object> field(String field, String text) {
        return Map.of("lucene", Map.of("df", field, "query",
                "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    /** One term, as indexed. */
    static Map<String, Object> term(String field, String value) {
        return Map.of("term", Map.of("f", field, "query", value));
    }

    static Map<String, Object> bool(String occur, List<?> clauses) {
        return Map.of("bool", Map.of(occur, clauses));
    }

    private static Map<String, Object> boosted(Map<String, Object> query, double boost) {
        return boost == 1.0 ? query : Map.of("boost", Map.of("query", query, "b", Double.toString(boost)));
    }
}
