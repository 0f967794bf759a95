package dailypapers.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One inline TeX formula, parsed into a small tree and written as MathML Core (which browsers render natively, so it
 * reads without JavaScript) or as plain text. It covers the TeX that paper titles and abstracts use: letters,
 * numbers, operators and Greek, sub- and superscripts, fractions, roots, accents, font styles ({@code \mathcal},
 * {@code \mathbb}, …) and text. Parsing never fails: an unknown command shows as its name.
 *
 * <p>Safety: the MathML holds only the elements and fixed attributes written here; every character of the source
 * reaches it escaped, as the text of a token.
 */
public final class TexMath {

    /** Deeper nesting than this is not a formula a title needs; it is shown as source instead. */
    static final int MAX_DEPTH = 24;

    private final Node root;

    private TexMath(Node root) {
        this.root = root;
    }

    /** The formula, or empty when it nests too deeply to render. */
    public static Optional<TexMath> parse(String tex) {
        try {
            return Optional.of(new TexMath(new Parser(tex).parseAll()));
        } catch (TooDeep e) {
            return Optional.empty();
        }
    }

    /** The formula as an inline MathML element. */
    public String toMathMl() {
        StringBuilder out = new StringBuilder("<math>");
        root.write(out);
        return out.append("</math>").toString();
    }

    /** The formula as text ("α", "97.3%", "𝒞") when it is that simple; empty with scripts, fractions or roots. */
    public Optional<String> toPlainText() {
        return Optional.ofNullable(root.plain());
    }

    private sealed interface Node {
        void write(StringBuilder out);

        /** The node as text, or null when text cannot show it. */
        String plain();
    }

    private enum Kind {
        MI, MN, MO, MTEXT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A leaf: identifier, number, operator or text. {@code upright} keeps a one-letter identifier from italics. */
    private record Token(Kind kind, String text, boolean upright) implements Node {
        public void write(StringBuilder out) {
            out.append('<').append(kind.tag()).append(upright && kind == Kind.MI ? " mathvariant=\"normal\">" : ">");
            escape(text, out);
            out.append("</").append(kind.tag()).append('>');
        }

        public String plain() {
            return text;
        }
    }

    private record Row(List<Node> nodes) implements Node {
        public void write(StringBuilder out) {
            List<Node> shown = nodes.stream().filter(n -> !(n instanceof Gap)).toList();
            if (shown.size() == 1) {
                shown.getFirst().write(out);
                return;
            }
            out.append("<mrow>");
            shown.forEach(n -> n.write(out));
            out.append("</mrow>");
        }

        public String plain() {
            StringBuilder text = new StringBuilder();
            for (Node node : nodes) {
                String part = node.plain();
                if (part == null) {
                    return null;
                }
                text.append(part);
            }
            return text.toString();
        }
    }

    private record Space(String width) implements Node {
        public void write(StringBuilder out) {
            out.append("<mspace width=\"").append(width).append("\"></mspace>");
        }

        public String plain() {
            return " ";
        }
    }

    /** Space in the source: MathML spaces formulas itself, plain text keeps it ("a + b", not "a+b"). */
    private record Gap() implements Node {
        public void write(StringBuilder out) {
        }

        public String plain() {
            return " ";
        }
    }

    private record Scripts(Node base, Node sub, Node sup) implements Node {
        public void write(StringBuilder out) {
            String tag = sub == null ? "msup" : sup == null ? "msub" : "msubsup";
            out.append('<').append(tag).append('>');
            base.write(out);
            if (sub != null) {
                sub.write(out);
            }
            if (sup != null) {
                sup.write(out);
            }
            out.append("</").append(tag).append('>');
        }

        public String plain() {
            return null;
        }
    }

    /** A fraction; {@code line} false for a binomial coefficient's stack. */
    private record Fraction(Node numerator, Node denominator, boolean line) implements Node {
        public void write(StringBuilder out) {
            out.append(line ? "<mfrac>" : "<mrow><mo>(</mo><mfrac linethickness=\"0\">");
            numerator.write(out);
            denominator.write(out);
            out.append(line ? "</mfrac>" : "</mfrac><mo>)</mo></mrow>");
        }

        public String plain() {
            return null;
        }
    }

    private record Root(Node body, Node index) implements Node {
        public void write(StringBuilder out) {
            out.append(index == null ? "<msqrt>" : "<mroot>");
            body.write(out);
            if (index != null) {
                index.write(out);
            }
            out.append(index == null ? "</msqrt>" : "</mroot>");
        }

        public String plain() {
            return null;
        }
    }

    /** A mark over (hat, tilde) or under (underline) its base. */
    private record Accent(Node base, String mark, boolean over) implements Node {
        public void write(StringBuilder out) {
            out.append(over ? "<mover accent=\"true\">" : "<munder accentunder=\"true\">");
            base.write(out);
            out.append("<mo>");
            escape(mark, out);
            out.append("</mo>").append(over ? "</mover>" : "</munder>");
        }

        public String plain() {
            return null;
        }
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ϵ"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("vartheta", "ϑ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"),
            Map.entry("pi", "π"), Map.entry("varpi", "ϖ"), Map.entry("rho", "ρ"), Map.entry("varrho", "ϱ"),
            Map.entry("sigma", "σ"), Map.entry("varsigma", "ς"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"),
            Map.entry("phi", "ϕ"), Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"),
            Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"),
            Map.entry("Upsilon", "Υ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"),
            Map.entry("ell", "ℓ"), Map.entry("infty", "∞"), Map.entry("partial", "∂"), Map.entry("nabla", "∇"),
            Map.entry("emptyset", "∅"), Map.entry("varnothing", "∅"), Map.entry("hbar", "ℏ"),
            Map.entry("aleph", "ℵ"), Map.entry("Re", "ℜ"), Map.entry("Im", "ℑ"));

    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("times", "×"), Map.entry("pm", "±"), Map.entry("mp", "∓"), Map.entry("div", "÷"),
            Map.entry("cdot", "⋅"), Map.entry("ast", "∗"), Map.entry("star", "⋆"), Map.entry("circ", "∘"),
            Map.entry("bullet", "∙"), Map.entry("oplus", "⊕"), Map.entry("otimes", "⊗"), Map.entry("odot", "⊙"),
            Map.entry("cup", "∪"), Map.entry("cap", "∩"), Map.entry("setminus", "∖"), Map.entry("wedge", "∧"),
            Map.entry("land", "∧"), Map.entry("vee", "∨"), Map.entry("lor", "∨"), Map.entry("neg", "¬"),
            Map.entry("lnot", "¬"), Map.entry("sim", "∼"), Map.entry("simeq", "≃"), Map.entry("approx", "≈"),
            Map.entry("cong", "≅"), Map.entry("equiv", "≡"), Map.entry("neq", "≠"), Map.entry("ne", "≠"),
            Map.entry("leq", "≤"), Map.entry("le", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"),
            Map.entry("ll", "≪"), Map.entry("gg", "≫"), Map.entry("prec", "≺"), Map.entry("succ", "≻"),
            Map.entry("preceq", "⪯"), Map.entry("succeq", "⪰"), Map.entry("propto", "∝"), Map.entry("in", "∈"),
            Map.entry("notin", "∉"), Map.entry("ni", "∋"), Map.entry("subset", "⊂"), Map.entry("supset", "⊃"),
            Map.entry("subseteq", "⊆"), Map.entry("supseteq", "⊇"), Map.entry("mid", "∣"), Map.entry("parallel", "∥"),
            Map.entry("perp", "⊥"), Map.entry("top", "⊤"), Map.entry("bot", "⊥"), Map.entry("forall", "∀"),
            Map.entry("exists", "∃"), Map.entry("to", "→"), Map.entry("rightarrow", "→"),
            Map.entry("leftarrow", "←"), Map.entry("gets", "←"), Map.entry("leftrightarrow", "↔"),
            Map.entry("Rightarrow", "⇒"), Map.entry("Leftarrow", "⇐"), Map.entry("Leftrightarrow", "⇔"),
            Map.entry("implies", "⟹"), Map.entry("iff", "⟺"), Map.entry("mapsto", "↦"), Map.entry("uparrow", "↑"),
            Map.entry("downarrow", "↓"), Map.entry("longrightarrow", "⟶"), Map.entry("sum", "∑"),
            Map.entry("prod", "∏"), Map.entry("int", "∫"), Map.entry("oint", "∮"), Map.entry("bigcup", "⋃"),
            Map.entry("bigcap", "⋂"), Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("lceil", "⌈"),
            Map.entry("rceil", "⌉"), Map.entry("lfloor", "⌊"), Map.entry("rfloor", "⌋"), Map.entry("lbrace", "{"),
            Map.entry("rbrace", "}"), Map.entry("vert", "|"), Map.entry("Vert", "‖"), Map.entry("ldots", "…"),
            Map.entry("dots", "…"), Map.entry("cdots", "⋯"), Map.entry("vdots", "⋮"), Map.entry("ddots", "⋱"),
            Map.entry("prime", "′"), Map.entry("dagger", "†"), Map.entry("triangle", "△"), Map.entry("angle", "∠"),
            Map.entry("checkmark", "✓"), Map.entry("colon", ":"), Map.entry("#", "#"), Map.entry("%", "%"),
            Map.entry("&", "&"), Map.entry("$", "$"), Map.entry("_", "_"), Map.entry("{", "{"), Map.entry("}", "}"),
            Map.entry("|", "‖"));

    /** Written upright as words: {@code \log x}. */
    private static final Set<String> FUNCTIONS = Set.of("log", "ln", "lg", "exp", "max", "min", "arg", "argmax",
            "argmin", "sup", "inf", "lim", "limsup", "liminf", "det", "dim", "deg", "gcd", "ker", "Pr", "sin", "cos",
            "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "mod", "bmod");

    /** Text commands: their argument is shown as text. */
    private static final Set<String> TEXT = Set.of("text", "textrm", "textbf", "textit", "textsf", "texttt",
            "textsc", "textup", "textnormal", "emph", "mbox", "hbox", "url");

    /** Size and style commands that change nothing a reader needs; they are skipped. */
    private static final Set<String> IGNORED = Set.of("left", "right", "middle", "big", "Big", "bigg", "Bigg",
            "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "displaystyle", "textstyle", "scriptstyle", "limits",
            "nolimits", "nonumber", "!", "small", "tiny", "large", "Large", "normalsize", "footnotesize");

    private static final Map<String, String> SPACES = Map.of(",", "0.167em", ":", "0.222em", ">", "0.222em",
            ";", "0.278em", " ", "0.25em", "quad", "1em", "qquad", "2em", "\\", "0.25em");

    private static final Map<String, String> ACCENTS = Map.ofEntries(Map.entry("hat", "^"),
            Map.entry("widehat", "^"), Map.entry("tilde", "~"), Map.entry("widetilde", "~"), Map.entry("bar", "¯"),
            Map.entry("overline", "‾"), Map.entry("vec", "→"), Map.entry("overrightarrow", "→"),
            Map.entry("dot", "˙"), Map.entry("ddot", "¨"), Map.entry("check", "ˇ"), Map.entry("breve", "˘"));

    private static final Map<String, Variant> FONTS = Map.ofEntries(Map.entry("mathcal", Variant.SCRIPT),
            Map.entry("mathscr", Variant.SCRIPT), Map.entry("mathbb", Variant.DOUBLE_STRUCK),
            Map.entry("mathfrak", Variant.FRAKTUR), Map.entry("mathbf", Variant.BOLD),
            Map.entry("boldsymbol", Variant.BOLD_ITALIC), Map.entry("bm", Variant.BOLD_ITALIC),
            Map.entry("mathit", Variant.ITALIC), Map.entry("mathsf", Variant.SANS),
            Map.entry("mathtt", Variant.MONOSPACE), Map.entry("mathrm", Variant.UPRIGHT));

    /** Old-style switches ({@code {\bf x}}) style the rest of their group. */
    private static final Map<String, Variant> SWITCHES = Map.of("bf", Variant.BOLD, "it", Variant.ITALIC,
            "rm", Variant.UPRIGHT, "cal", Variant.SCRIPT, "tt", Variant.MONOSPACE, "sf", Variant.SANS);

    private static final class Parser {
        private final String source;
        private int pos;
        private int depth;

        Parser(String source) {
            this.source = source;
        }

        Node parseAll() {
            List<Node> nodes = new ArrayList<>();
            while (pos < source.length()) {
                nodes.addAll(parseRow(Variant.NONE).nodes());
                if (pos < source.length()) {
                    nodes.add(new Token(Kind.MO, "}", false));
                    pos++;
                }
            }
            return new Row(nodes);
        }

        /** Atoms up to a closing brace or the end, each with its scripts. */
        private Row parseRow(Variant variant) {
            enter();
            List<Node> nodes = new ArrayList<>();
            Variant current = variant;
            while (true) {
                int before = pos;
                skipSpaces();
                if (pos >= source.length() || source.charAt(pos) == '}') {
                    break;
                }
                if (pos > before && !nodes.isEmpty()) {
                    nodes.add(new Gap());
                }
                Variant switched = switchAt();
                if (switched != null) {
                    current = switched;
                    continue;
                }
                Node atom = parseAtom(current);
                if (atom != null) {
                    nodes.add(scripts(atom, current));
                }
            }
            depth--;
            return new Row(nodes);
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new TooDeep();
            }
        }

        private Variant switchAt() {
            if (source.charAt(pos) != '\\') {
                return null;
            }
            int end = commandEnd(pos + 1);
            Variant switched = SWITCHES.get(source.substring(pos + 1, end));
            if (switched != null) {
                pos = end;
            }
            return switched;
        }

        private Node scripts(Node base, Variant variant) {
            Node sub = null;
            Node sup = null;
            while (true) {
                int before = pos;
                skipSpaces();
                if (pos >= source.length()) {
                    pos = before;
                    break;
                }
                char c = source.charAt(pos);
                if (c == '_' && sub == null) {
                    pos++;
                    sub = argument(variant);
                } else if (c == '^' && sup == null) {
                    pos++;
                    sup = argument(variant);
                } else if (c == '\'' && sup == null) {
                    pos++;
                    sup = new Token(Kind.MO, "′", false);
                } else {
                    pos = before;
                    break;
                }
            }
            return sub == null && sup == null ? base : new Scripts(base, sub, sup);
        }

        /** One argument: a braced group or a single atom; an empty row at the end of input. */
        private Node argument(Variant variant) {
            skipSpaces();
            if (pos >= source.length()) {
                return new Row(List.of());
            }
            if (source.charAt(pos) == '{') {
                pos++;
                Row row = parseRow(variant);
                expect('}');
                return row;
            }
            if (source.charAt(pos) == '}') {
                return new Row(List.of());
            }
            enter();
            Node atom = parseAtom(variant);
            depth--;
            return atom == null ? new Row(List.of()) : atom;
        }

        /** An atom at {@code pos}, or null for a command that shows nothing. */
        private Node parseAtom(Variant variant) {
            int c = source.codePointAt(pos);
            if (c == '{') {
                pos++;
                Row row = parseRow(variant);
                expect('}');
                return row;
            }
            if (c == '\\') {
                return command(variant);
            }
            if (c == '_' || c == '^') {
                return new Row(List.of());
            }
            if (c == '~' || c == '&') {
                pos++;
                return new Space("0.25em");
            }
            if (c >= '0' && c <= '9') {
                return number(variant);
            }
            pos += Character.charCount(c);
            String text = new String(Character.toChars(c));
            if (Character.isLetter(c)) {
                return identifier(variant.apply(text), variant == Variant.UPRIGHT);
            }
            return new Token(Kind.MO, text, false);
        }

        private Node number(Variant variant) {
            int start = pos;
            while (pos < source.length() && (Character.isDigit(source.charAt(pos))
                    || source.charAt(pos) == '.' && pos + 1 < source.length()
                    && Character.isDigit(source.charAt(pos + 1)))) {
                pos++;
            }
            return new Token(Kind.MN, variant.apply(source.substring(start, pos)), false);
        }

        private Node command(Variant variant) {
            int end = commandEnd(pos + 1);
            if (end == pos + 1) {
                pos++;
                return new Token(Kind.MO, "\\", false);
            }
            String name = source.substring(pos + 1, end);
            pos = end;
            if (GREEK.containsKey(name)) {
                String symbol = GREEK.get(name);
                return identifier(symbol, Character.isUpperCase(symbol.codePointAt(0)));
            }
            if (OPERATORS.containsKey(name)) {
                return new Token(Kind.MO, OPERATORS.get(name), false);
            }
            if (FUNCTIONS.contains(name)) {
                return new Token(Kind.MI, name, true);
            }
            if (SPACES.containsKey(name)) {
                return new Space(SPACES.get(name));
            }
            if (IGNORED.contains(name)) {
                if ((name.equals("left") || name.equals("right")) && pos < source.length()
                        && source.charAt(pos) == '.') {
                    pos++;
                }
                return null;
            }
            if (FONTS.containsKey(name)) {
                return argument(FONTS.get(name));
            }
            if (ACCENTS.containsKey(name)) {
                return new Accent(argument(variant), ACCENTS.get(name), true);
            }
            if (TEXT.contains(name)) {
                return new Token(Kind.MTEXT, rawArgument(), false);
            }
            return switch (name) {
                case "frac", "tfrac", "dfrac" -> new Fraction(argument(variant), argument(variant), true);
                case "binom" -> new Fraction(argument(variant), argument(variant), false);
                case "sqrt" -> {
                    Node index = optionalArgument(variant);
                    yield new Root(argument(variant), index);
                }
                case "underline" -> new Accent(argument(variant), "_", false);
                case "operatorname" -> {
                    String word = rawArgument();
                    yield new Token(Kind.MI, word, true);
                }
                case "href", "textcolor" -> {
                    rawArgument();
                    yield argument(variant);
                }
                case "color" -> {
                    rawArgument();
                    yield null;
                }
                case "unicode" -> unicode(rawArgument());
                default -> new Token(Kind.MTEXT, "\\" + name, false);
            };
        }

        /** MathJax's unicode command, by hex ("x1F4A1") or decimal number; a control or unknown one shows "?". */
        private static Node unicode(String number) {
            String digits = number.strip();
            try {
                int code = digits.startsWith("x") || digits.startsWith("X")
                        ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
                boolean shown = Character.isValidCodePoint(code) && !Character.isISOControl(code)
                        && Character.getType(code) != Character.SURROGATE && Character.isDefined(code)
                        && !CleanText.isUnclean(Character.toString(code));
                return new Token(Kind.MTEXT, shown ? Character.toString(code) : "?", false);
            } catch (NumberFormatException e) {
                return new Token(Kind.MTEXT, "?", false);
            }
        }

        private Node optionalArgument(Variant variant) {
            skipSpaces();
            if (pos >= source.length() || source.charAt(pos) != '[') {
                return null;
            }
            int close = source.indexOf(']', pos);
            if (close < 0) {
                return null;
            }
            Node index = new Parser(source.substring(pos + 1, close)).withDepth(depth).parseAll();
            pos = close + 1;
            return index;
        }

        private Parser withDepth(int outer) {
            depth = outer;
            return this;
        }

        /** A braced argument as source text (nested braces kept balanced), or the next character. */
        private String rawArgument() {
            skipSpaces();
            if (pos >= source.length()) {
                return "";
            }
            if (source.charAt(pos) != '{') {
                int c = source.codePointAt(pos);
                pos += Character.charCount(c);
                return new String(Character.toChars(c));
            }
            int level = 0;
            int start = pos + 1;
            for (int i = pos; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    level++;
                } else if (c == '}' && --level == 0) {
                    pos = i + 1;
                    return Prose.clean(source.substring(start, i));
                }
            }
            pos = source.length();
            return Prose.clean(source.substring(start));
        }

        private Node identifier(String text, boolean upright) {
            return new Token(Kind.MI, text, upright);
        }

        private int commandEnd(int start) {
            int end = start;
            while (end < source.length() && isAsciiLetter(source.charAt(end))) {
                end++;
            }
            if (end == start && start < source.length()) {
                end = start + Character.charCount(source.codePointAt(start));
            }
            return end;
        }

        private void expect(char c) {
            if (pos < source.length() && source.charAt(pos) == c) {
                pos++;
            }
        }

        private void skipSpaces() {
            while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
                pos++;
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Token text as markup: escaped, and without the characters {@link CleanText} removes, since the markup is
     * printed as it is, past the pages' own output cleaning (rows stored before import cleaned them may hold any).
     */
    static void escape(String text, StringBuilder out) {
        String clean = CleanText.clean(text);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
