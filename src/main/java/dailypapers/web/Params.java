package dailypapers.web;

import io.javalin.http.Context;
import java.util.Optional;

/** Reads and checks query parameters; every failure is an {@link HttpError} that names the parameter. */
final class Params {

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
            throw HttpError.badParameter(name, "expected a whole number, got '" + abbreviate(text.get()) + "'");
        }
        if (value < min || value > max) {
            throw HttpError.badParameter(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** Keeps echoed input short so an error message cannot be used to reflect a huge payload. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
