package dailypapers.text;

import java.util.List;

/**
 * A title or abstract as written on arXiv, with inline TeX, made for showing: prose with its TeX habits cleaned and
 * each formula as MathML, or all of it as plain text for places that hold no markup (a page title, a feed). The
 * source text itself is never changed; the JSON API serves it as it is.
 */
public record TexText(List<Part> parts) {

    public TexText {
        parts = List.copyOf(parts);
    }

    /**
     * A run of prose ({@code mathMl} null) or one formula: its MathML, and as {@code text} its plain-text reading.
     * The MathML is safe to write into a page unescaped (see {@link TexMath}).
     */
    public record Part(String text, String mathMl) {

        public boolean isMath() {
            return mathMl != null;
        }
    }

    public static TexText of(String source) {
        if (source.indexOf('$') < 0 && !source.contains("\\(")) {
            // Most titles and abstracts hold no formula: one scan for the delimiters instead of a full split.
            return new TexText(List.of(new Part(Prose.clean(source), null)));
        }
        return new TexText(InlineMath.split(source).stream().map(TexText::part).toList());
    }

    public boolean hasMath() {
        return parts.stream().anyMatch(Part::isMath);
    }

    /**
     * The text without markup: "97.3%", "α-ECLIPSE", an en dash for {@code --}; a formula too rich for text as its
     * source.
     */
    public static String plain(String source) {
        StringBuilder out = new StringBuilder(source.length());
        of(source).parts().forEach(p -> out.append(p.text()));
        return out.toString();
    }

    private static Part part(InlineMath.Span span) {
        if (!span.isMath()) {
            return new Part(Prose.clean(span.text()), null);
        }
        return TexMath.parse(span.text())
                .map(math -> new Part(math.toPlainText().orElse(span.text().strip()), math.toMathMl()))
                .orElseGet(() -> new Part(span.text(), null));
    }
}
