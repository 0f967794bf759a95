package dailypapers.web;

import dailypapers.comment.Comment;
import dailypapers.comment.CommentService;
import dailypapers.feed.FeedService;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.text.TexText;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Atom feed of a paper's comments, newest first: visible comments only, each with its sanitized HTML as
 * escaped {@code type="html"} content (the XML writer escapes it, a reader unescapes and shows it).
 */
final class CommentFeeds {

    private final FeedService feed;
    private final CommentService comments;

    CommentFeeds(FeedService feed, CommentService comments) {
        this.feed = feed;
        this.comments = comments;
    }

    void paper(Context ctx) {
        ArxivId id = Params.arxivId(ctx);
        PaperEntry entry = feed.paper(id).orElseThrow(() -> HttpError.notFound("No paper " + id + " here yet."));
        List<Comment> latest = comments.latest(id, AtomFeeds.FEED_SIZE);
        String title = "Comments on " + TexText.plain(entry.paper().title());
        Instant updated = latest.stream().map(CommentFeeds::updated).max(Instant::compareTo)
                .orElse(entry.paper().published().atStartOfDay(ZoneOffset.UTC).toInstant());
        String paperHref = Links.paper(id);
        AtomFeeds.write(ctx, title, paperHref + "#" + CommentsView.ANCHOR, updated, (xml, base) -> {
            for (Comment comment : latest) {
                writeEntry(xml, base, paperHref, title, comment);
            }
        });
    }

    private static void writeEntry(XMLStreamWriter xml, String base, String paperHref, String title,
            Comment comment) throws XMLStreamException {
        String href = base + paperHref + "#comment-" + comment.id();
        String author = comment.author().name();
        xml.writeStartElement("entry");
        AtomFeeds.element(xml, "id", href);
        AtomFeeds.element(xml, "title", author + " — " + title);
        AtomFeeds.link(xml, "alternate", href, "text/html");
        AtomFeeds.element(xml, "published", comment.createdAt().toString());
        AtomFeeds.element(xml, "updated", updated(comment).toString());
        xml.writeStartElement("author");
        AtomFeeds.element(xml, "name", author);
        xml.writeEndElement();
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(comment.html());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static Instant updated(Comment comment) {
        return comment.editedAt().orElse(comment.createdAt());
    }
}
