package dailypapers;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One instance setting, defined once: its key in a properties file, the environment variable derived from the key,
 * the command-line flag where there is one, its default, how its text is read and what it is for. {@link Config}
 * lists them all; the config file's allowed keys, the README's Configuration table and the flags' help come from
 * that list.
 *
 * @param flag        the flag that sets it, after its subcommand where it belongs to one ({@code serve --port})
 * @param defaultText the default as the README shows it: a literal in backticks, {@code none}, or how it is found
 * @param fallback    the value when nothing sets the key; it may read other settings
 * @param parser      reads the text given for the key; throws {@link IllegalArgumentException} with a message that
 *                    reads on from the key ("must be a whole number, got 'x'")
 * @param description one line, without a final full stop
 */
public record Setting<T>(String key, Optional<String> flag, String defaultText, Function<Values, T> fallback,
        Function<String, T> parser, String description) {

    /** A setting with a literal default, read by the same parser as a given value. */
    public static <T> Setting<T> of(String key, String defaultValue, Function<String, T> parser,
            String description) {
        return new Setting<>(key, Optional.empty(), "`" + defaultValue + "`", values -> parser.apply(defaultValue),
                parser, description);
    }

    /** A setting that is absent unless given. */
    public static <T> Setting<Optional<T>> optional(String key, Function<String, T> parser, String description) {
        return new Setting<>(key, Optional.empty(), "none", values -> Optional.empty(),
                text -> Optional.of(parser.apply(text)), description);
    }

    /** A setting whose default is worked out, from other settings or from the machine. */
    public static <T> Setting<T> computed(String key, String defaultText, Function<Values, T> fallback,
            Function<String, T> parser, String description) {
        return new Setting<>(key, Optional.empty(), defaultText, fallback, parser, description);
    }

    public Setting<T> withFlag(String commandAndFlag) {
        return new Setting<>(key, Optional.of(commandAndFlag), defaultText, fallback, parser, description);
    }

    /** {@code DAILYPAPERS_HTTP_PORT} for {@code http.port}. */
    public String environmentVariable() {
        return "DAILYPAPERS_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The description with the default, as a flag's help shows it: a sentence. */
    public String help() {
        return Character.toUpperCase(description.charAt(0)) + description.substring(1) + " (default: "
                + defaultText.replace("`", "") + ").";
    }

    /**
     * The text given for each key, from a config file, the environment and flags; later sources win, and a blank
     * environment variable counts as unset.
     */
    public record Values(Map<String, String> file, Map<String, String> environment, Map<String, String> flags) {

        /** No settings given: every setting takes its default. */
        public static final Values DEFAULTS = new Values(Map.of(), Map.of(), Map.of());

        public Values {
            file = Map.copyOf(file);
            environment = Map.copyOf(environment);
            flags = Map.copyOf(flags);
        }

        /** The setting's value; a bad one throws {@link UserFacingException} naming the key. */
        public <T> T get(Setting<T> setting) {
            Optional<String> text = Optional.ofNullable(flags.get(setting.key()))
                    .or(() -> Optional.ofNullable(environment.get(setting.environmentVariable()))
                            .filter(value -> !value.isBlank()))
                    .or(() -> Optional.ofNullable(file.get(setting.key())));
            if (text.isEmpty()) {
                return setting.fallback().apply(this);
            }
            try {
                return setting.parser().apply(text.get().strip());
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(setting.key() + " " + e.getMessage(), e);
            }
        }
    }
}
