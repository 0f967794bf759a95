package dailypapers.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A form post refused for its form token, shown back to its sender with everything they typed (never a password),
 * so that a comment written while the token expired is not lost: one click sends it again with a fresh token.
 */
public record FormExpiredView(PageFrame frame, String action, List<Field> fields) {

    /** A field as posted; {@code index} makes its element id. */
    public record Field(int index, String name, String value) {

        /** Room for what was typed. */
        public int rows() {
            return (int) Math.min(12, Math.max(1, value.lines().count() + value.length() / 80));
        }
    }

    static FormExpiredView of(Context ctx) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : ctx.formParamMap().entrySet()) {
            String name = entry.getKey();
            if (name.equals(Csrf.FIELD) || name.toLowerCase(Locale.ROOT).contains("password")) {
                continue;
            }
            for (String value : entry.getValue()) {
                fields.add(new Field(fields.size(), name, value));
            }
        }
        return new FormExpiredView(PageFrame.plain("Form not sent — Daily Papers"), ctx.path(), fields);
    }
}
