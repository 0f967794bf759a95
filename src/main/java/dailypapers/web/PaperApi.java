package dailypapers.web;

import dailypapers.comment.CommentService;
import dailypapers.feed.FeedService;
import dailypapers.feed.Page;
import dailypapers.feed.Period;
import dailypapers.moderation.ModerationService;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.submission.SubmissionService;
import dailypapers.text.Messages;
import dailypapers.thumbnail.Thumbnail;
import dailypapers.thumbnail.ThumbnailService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The JSON API: {@code /api/daily_papers} and {@code /api/papers/{id}}, shaped after Hugging Face's. */
final class PaperApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    static final int MAX_PAGE = 100_000;

    private final FeedService feed;
    private final ThumbnailService thumbnails;
    private final SubmissionService submissions;
    private final CommentService comments;
    private final ModerationService moderation;

    PaperApi(FeedService feed, ThumbnailService thumbnails, SubmissionService submissions, CommentService comments,
            ModerationService moderation) {
        this.comments = comments;
        this.moderation = moderation;
        this.feed = feed;
        this.thumbnails = thumbnails;
        this.submissions = submissions;
    }

    void dailyPapers(Context ctx) {
        int page = Params.integer(ctx, "p", 0, 0, MAX_PAGE);
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<Period> period = Params.optionalPeriod(ctx);
        Sort sort = sort(ctx, period.isPresent() ? Sort.UPVOTES : Sort.PUBLISHED_AT);
        Optional<String> submitter = Params.optional(ctx, "submitter");

        FeaturedQuery query;
        if (period.isPresent()) {
            query = new FeaturedQuery(period.get().from(), period.get().until(), submitter, sort.order());
        } else if (sort == Sort.TRENDING) {
            Optional<FeaturedQuery> window = feed.trendingWindow();
            if (window.isEmpty()) {
                ctx.json(List.of());
                return;
            }
            query = new FeaturedQuery(window.get().from(), window.get().until(), submitter, sort.order());
        } else {
            query = new FeaturedQuery(FeaturedQuery.BEGINNING, FeaturedQuery.END, submitter, sort.order());
        }

        List<ApiModel.DailyItem> items;
        boolean hasNext;
        if (sort == Sort.TRENDING) {
            Page<FeedService.Trending> result = feed.trending(query, page, limit);
            items = result.items().stream().map(ApiModel::daily).toList();
            hasNext = result.hasNext();
        } else {
            // The API shows no total: one row more than the page tells whether a next page exists.
            var result = feed.featuredSlice(query, page, limit);
            items = result.items().stream().map(e -> ApiModel.daily(e, null)).toList();
            hasNext = result.hasNext();
        }
        if (hasNext) {
            ctx.header("Link", "<" + nextPageUrl(ctx, page + 1) + ">; rel=\"next\"");
        }
        ApiModel.write(ctx, withThumbnails(ctx, ApiModel.withMembers(ctx, items, submissions, comments)));
    }

    /** Each item with the absolute URL of its thumbnail where one exists, as Hugging Face's items carry. */
    private List<ApiModel.DailyItem> withThumbnails(Context ctx, List<ApiModel.DailyItem> items) {
        Map<ArxivId, Thumbnail> found = thumbnails.thumbnails(
                items.stream().map(item -> new ArxivId(item.paper().id())).toList());
        return items.stream().map(item -> {
            ArxivId id = new ArxivId(item.paper().id());
            Thumbnail thumbnail = found.get(id);
            return thumbnail == null ? item : item.withThumbnail(ThumbnailFiles.absolute(ctx, id, thumbnail));
        }).toList();
    }

    void paper(Context ctx) {
        ArxivId id = Params.arxivId(ctx);
        ApiModel.write(ctx, ApiModel.paper(feed.paper(id).filter(e -> moderation.hiddenPaper(id).isEmpty())
                .orElseThrow(() -> HttpError.notFound("no paper with id " + id))));
    }

    /** A period's papers default to most upvoted first; the unbounded stream to newest first, as on HF. */
    private static Sort sort(Context ctx, Sort defaultSort) {
        Optional<String> given = Params.optional(ctx, "sort");
        if (given.isEmpty()) {
            return defaultSort;
        }
        String value = given.get();
        return switch (value) {
            case "upvotes" -> Sort.UPVOTES;
            case "publishedAt" -> Sort.PUBLISHED_AT;
            case "trending" -> Sort.TRENDING;
            default -> throw HttpError.badParameter("sort",
                    "expected upvotes, publishedAt or trending, got '" + Messages.abbreviate(value) + "'");
        };
    }

    static String nextPageUrl(Context ctx, int nextPage) {
        Map<String, List<String>> params = new LinkedHashMap<>(Params.query(ctx));
        params.put("p", List.of(String.valueOf(nextPage)));
        String query = params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> Links.encode(e.getKey()) + "=" + Links.encode(v)))
                .collect(Collectors.joining("&"));
        return ctx.scheme() + "://" + ctx.host() + ctx.path() + "?" + query;
    }

    private enum Sort {
        UPVOTES(FeaturedQuery.Order.UPVOTES),
        PUBLISHED_AT(FeaturedQuery.Order.NEWEST),
        TRENDING(FeaturedQuery.Order.TRENDING);

        private final FeaturedQuery.Order order;

        Sort(FeaturedQuery.Order order) {
            this.order = order;
        }

        FeaturedQuery.Order order() {
            return order;
        }
    }
}
