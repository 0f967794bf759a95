package dailypapers.web;

import dailypapers.paper.ArxivId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The site's URL scheme in one place, for templates, feeds and the API alike. */
public final class Links {

    private Links() {
    }

    public static String paper(ArxivId id) {
        return "/papers/" + id.value();
    }

    public static String author(String name) {
        return "/authors/" + pathSegment(name);
    }

    public static String category(String category) {
        return "/categories/" + pathSegment(category);
    }

    public static String authorFeed(String name) {
        return "/feeds/authors/" + pathSegment(name);
    }

    public static String categoryFeed(String category) {
        return "/feeds/categories/" + pathSegment(category);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Percent-encodes a path segment (spaces as %20, not +). */
    static String pathSegment(String text) {
        return encode(text).replace("+", "%20");
    }
}
