package dailypapers.web;

import dailypapers.library.PaperCollection;
import dailypapers.paper.ArxivId;

/** The library's URLs, written in one place. */
final class LibraryLinks {

    static final String LIBRARY = "/library";
    static final String COLLECTIONS = "/collections";

    private LibraryLinks() {
    }

    static String collection(PaperCollection collection) {
        return COLLECTIONS + "/" + collection.reference();
    }

    static String collectionFeed(PaperCollection collection) {
        return "/feeds/collections/" + collection.reference() + ".atom";
    }

    static String collectionExport(PaperCollection collection, String extension) {
        return collection(collection) + "/export." + extension;
    }

    static String libraryExport(String extension) {
        return LIBRARY + "/export." + extension;
    }

    static String save(ArxivId paper) {
        return Links.paper(paper) + "/save";
    }

    static String place(ArxivId paper) {
        return Links.paper(paper) + "/collections";
    }
}
