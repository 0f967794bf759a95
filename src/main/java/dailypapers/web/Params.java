package dailypapers.web;

import dailypapers.feed.Period;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Category;
import dailypapers.text.Messages;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads and checks request parameters; every failure is an {@link HttpError} that names the parameter. */
final class Params {

    private static final List<String> PERIOD_PARAMETERS = List.of("date", "week", "month");

    private Params() {
    }

    static Optional<String> optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        Optional<String> text = optional(ctx, name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw HttpError.badParameter(name, "expected a whole number, got '" + Messages.abbreviate(text.get())
                    + "'");
        }
        if (value < min || value > max) {
            throw HttpError.badParameter(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** The {@code {id}} path parameter in any form {@link ArxivId} accepts. */
    static ArxivId arxivId(Context ctx) {
        String raw = ctx.pathParam("id");
        return ArxivId.tryParse(raw).orElseThrow(() -> HttpError.badParameter("id",
                "not an arXiv id: '" + Messages.abbreviate(raw) + "'"));
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
