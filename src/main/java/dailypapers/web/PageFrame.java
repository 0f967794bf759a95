package dailypapers.web;

import java.util.List;

/**
 * What the site layout needs from every page: the document title, which main-navigation section is current, the
 * Atom feeds to announce in {@code <head>} and the text of the header's search box.
 */
public record PageFrame(String title, Section section, List<FeedLink> feeds, String query) {

    /** The sections of the main navigation. */
    public enum Section { DAILY, TRENDING, NEW, ABOUT, NONE }

    /** An Atom feed announced with {@code <link rel="alternate">}. */
    public record FeedLink(String title, String href) {
    }

    public PageFrame {
        feeds = List.copyOf(feeds);
        query = query == null ? "" : query;
    }

    /** A page with an empty search box. */
    public PageFrame(String title, Section section, List<FeedLink> feeds) {
        this(title, section, feeds, "");
    }

    /** A page outside the listings (an error, say): the trending feed is the site-wide subscription. */
    public static PageFrame plain(String title) {
        return new PageFrame(title, Section.NONE, List.of(trendingFeed()));
    }

    static FeedLink trendingFeed() {
        return new FeedLink("Trending papers", Links.trendingFeed());
    }

    /** The value of {@code aria-current} for a navigation link: "page" for the current section, else absent. */
    public String ariaCurrent(Section candidate) {
        return candidate == section ? "page" : null;
    }
}
