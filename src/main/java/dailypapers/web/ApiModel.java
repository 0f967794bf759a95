package dailypapers.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.comment.CommentService;
import dailypapers.feed.FeedService;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Featuring;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.submission.MemberName;
import dailypapers.submission.SubmissionService;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON bodies in the shape of Hugging Face's public papers API, so its clients can switch by base URL. Field
 * names are theirs, including {@code ai_keywords}.
 */
final class ApiModel {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiModel() {
    }

    /** Serialises straight to UTF-8 bytes; the default path builds a String and encodes it again. */
    static void write(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API bodies are plain records and always serialise", e);
        }
    }

    record Author(String name) {
    }

    /**
     * Who featured a paper, in Hugging Face's user shape: a member ({@code _id} their id, {@code name} their handle,
     * {@code fullname} their display name, {@code avatarUrl} this instance's default avatar), or the Hugging Face
     * user a harvest or import named, of whom only the name is known.
     */
    record Submitter(String _id, String name, String fullname, String avatarUrl) {

        static Submitter member(Context ctx, MemberName member) {
            return new Submitter(String.valueOf(member.id()), member.handle(), member.displayName(),
                    ctx.scheme() + "://" + ctx.host() + Links.DEFAULT_AVATAR);
        }
    }

    /** The flat paper object of {@code /api/papers/{id}} and the {@code paper} field of each daily item. */
    record ApiPaper(String id, String title, String summary, List<Author> authors, String publishedAt,
            String updatedAt, int upvotes, String githubRepo, String projectPage, List<String> ai_keywords,
            String submittedOnDailyAt, int numComments, List<String> categories, String arxivComment, String doi,
            String journalRef) {
    }

    /**
     * One item of {@code /api/daily_papers}.
     *
     * @param thumbnail the absolute URL of the paper's thumbnail on this instance, or null until it exists
     */
    record DailyItem(ApiPaper paper, String publishedAt, String title, String summary, String thumbnail,
            int numComments, Submitter submittedBy, boolean isAuthorParticipating, Double trendingScore) {

        DailyItem withSubmitter(Submitter submitter) {
            return new DailyItem(paper, publishedAt, title, summary, thumbnail, numComments, submitter,
                    isAuthorParticipating, trendingScore);
        }

        DailyItem withAuthorParticipating() {
            return new DailyItem(paper, publishedAt, title, summary, thumbnail, numComments, submittedBy, true,
                    trendingScore);
        }

        DailyItem withThumbnail(String url) {
            return new DailyItem(paper, publishedAt, title, summary, url, numComments, submittedBy,
                    isAuthorParticipating, trendingScore);
        }
    }

    static ApiPaper paper(PaperEntry entry) {
        Paper p = entry.paper();
        return new ApiPaper(p.id().value(), p.title(), p.abstractText(),
                p.authors().stream().map(Author::new).toList(),
                timestamp(p.published()), p.updated() == null ? null : timestamp(p.updated()),
                entry.upvotes(), p.githubRepo(), p.projectPage(), p.aiKeywords(),
                entry.featuring().map(f -> timestamp(f.at())).orElse(null), entry.numComments(), p.categories(),
                p.comment(), p.doi(), p.journalRef());
    }

    static DailyItem daily(PaperEntry entry, Double trendingScore) {
        Featuring featuring = entry.featuring().orElseThrow();
        Paper p = entry.paper();
        return new DailyItem(paper(entry), timestamp(featuring.at()), p.title(), p.abstractText(), null,
                entry.numComments(), new Submitter(null, featuring.submittedBy(), featuring.submittedBy(), null), false,
                trendingScore);
    }

    /**
     * A paper as an item of a list (search results, similar papers): the daily item when it was featured,
     * otherwise the same shape with the paper's publication time and no submitter.
     */
    static DailyItem item(PaperEntry entry) {
        if (entry.featuring().isPresent()) {
            return daily(entry, null);
        }
        Paper p = entry.paper();
        return new DailyItem(paper(entry), timestamp(p.published()), p.title(), p.abstractText(), null,
                entry.numComments(), null, false, null);
    }

    /**
     * The items with what members did about them, one query each for the whole list: the member's name where a
     * member's submission featured the paper, and {@code isAuthorParticipating} where a confirmed author commented.
     */
    static List<DailyItem> withMembers(Context ctx, List<DailyItem> items, SubmissionService submissions,
            CommentService comments) {
        Map<ArxivId, MemberName> members = submissions.submitters(items.stream()
                .filter(item -> item.submittedBy() != null).map(item -> new ArxivId(item.paper().id())).toList());
        Set<ArxivId> participating = comments.withAuthorComments(items.stream()
                .map(item -> new ArxivId(item.paper().id())).toList());
        return items.stream().map(item -> {
            ArxivId id = new ArxivId(item.paper().id());
            MemberName member = members.get(id);
            DailyItem named = member == null ? item : item.withSubmitter(Submitter.member(ctx, member));
            return participating.contains(id) ? named.withAuthorParticipating() : named;
        }).toList();
    }

    static DailyItem daily(FeedService.Trending trending) {
        return daily(trending.entry(), trending.score());
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String timestamp(LocalDate day) {
        return timestamp(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
