package dailypapers.web;

import dailypapers.feed.Period;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Category;
import dailypapers.text.Messages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and checks request parameters; every failure is an {@link HttpError} that names the parameter. The query
 * string is decoded here, strictly and once per request ({@link #checkQuery} runs before every handler): a broken
 * {@code %} escape is a 400 even in a parameter the route does not read, and every parameter we read takes one
 * value, so a repeated one is a 400 rather than a guess at which was meant.
 */
final class Params {

    private static final String QUERY = Params.class.getName() + ".query";
    /** ASCII digits only: {@link Integer#parseInt} also takes other scripts' digits, such as fullwidth ones. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");
    private static final List<String> PERIOD_PARAMETERS = List.of("date", "week", "month");

    private Params() {
    }

    /** Before every request: decodes the query string, or fails with a 400 naming the parameter it cannot read. */
    static void checkQuery(Context ctx) {
        query(ctx);
    }

    /** Every parameter of the query, by name, in order, each with all its values. */
    static Map<String, List<String>> query(Context ctx) {
        Map<String, List<String>> query = ctx.attribute(QUERY);
        if (query == null) {
            query = parse(ctx.queryString());
            ctx.attribute(QUERY, query);
        }
        return query;
    }

    static Map<String, List<String>> parse(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            String value;
            try {
                name = StrictUrlDecoder.decodeQuery(rawName);
            } catch (StrictUrlDecoder.MalformedException e) {
                throw HttpError.badParameter(Messages.abbreviate(rawName), "its name has " + e.getMessage());
            }
            try {
                value = equals < 0 ? "" : StrictUrlDecoder.decodeQuery(pair.substring(equals + 1));
            } catch (StrictUrlDecoder.MalformedException e) {
                throw HttpError.badParameter(name, "its value has " + e.getMessage());
            }
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** A single-valued parameter, stripped; blank counts as absent, a repeated one is a 400. */
    static Optional<String> optional(Context ctx, String name) {
        List<String> values = query(ctx).getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw HttpError.badParameter(name, "given " + values.size() + " times; give it once");
        }
        String value = values.isEmpty() ? null : values.getFirst();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        Optional<String> text = optional(ctx, name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (!WHOLE_NUMBER.matcher(text.get()).matches()) {
            throw HttpError.badParameter(name, "expected a whole number, got '" + Messages.abbreviate(text.get())
                    + "'");
        }
        // Ten digits at most, so a long holds it.
        long value = Long.parseLong(text.get());
        if (value < min || value > max) {
            throw HttpError.badParameter(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    /**
     * The {@code {id}} path parameter in any form {@link ArxivId} accepts. Any other id names no paper, so it is a
     * 404 like an unknown one (Hugging Face's clients then report "not found", as they do for its API).
     */
    static ArxivId arxivId(Context ctx) {
        String raw = ctx.pathParam("id");
        return ArxivId.tryParse(raw).orElseThrow(() -> HttpError.notFound("No paper has the id '"
                + Messages.abbreviate(raw) + "': it is not an arXiv id."));
    }

    /** A row id in the path, as parameter {@code name}: a positive whole number, else a 404. */
    static long pathId(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below like any other id that names nothing
        }
        throw HttpError.notFound("There is no " + name + " '" + Messages.abbreviate(raw) + "'.");
    }

    /** A day, week or month ({@code parse} is one of {@link Period}'s parsers) given as parameter {@code name}. */
    static Period period(String name, String text, Function<String, Period> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badParameter(name, e.getMessage() + ", got '" + Messages.abbreviate(text) + "'");
        }
    }

    /** The optional {@code ?date=}, {@code ?week=} or {@code ?month=} of Daily Papers; two of them are a 400. */
    static Optional<Period> optionalPeriod(Context ctx) {
        List<String> given = PERIOD_PARAMETERS.stream().filter(name -> optional(ctx, name).isPresent())
                .toList();
        if (given.size() > 1) {
            throw HttpError.badParameter(given.get(1), "give only one of date, week and month");
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String name = given.getFirst();
        Function<String, Period> parse = switch (name) {
            case "date" -> Period::parseDay;
            case "week" -> Period::parseWeek;
            default -> Period::parseMonth;
        };
        return Optional.of(period(name, optional(ctx, name).orElseThrow(), parse));
    }

    /** The optional {@code ?category=} filter, such as New's; a malformed one is a 400 naming it. */
    static Optional<String> optionalCategory(Context ctx) {
        return optional(ctx, "category").map(c -> category("category", c));
    }

    /** An arXiv category given as parameter {@code name}, such as {@code cs.CL}. */
    static String category(String name, String text) {
        if (!Category.isWellFormed(text)) {
            throw HttpError.badParameter(name,
                    "expected an arXiv category like cs.CL, got '" + Messages.abbreviate(text) + "'");
        }
        return text;
    }
}
