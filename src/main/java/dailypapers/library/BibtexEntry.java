package dailypapers.library;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a BibTeX file as read: its type and key, and its fields by lower-case name, each value with its
 * braces and quotes taken off, {@code @string} abbreviations put in and whitespace collapsed.
 *
 * @param line the line the entry's {@code @} is on, counting from 1
 */
public record BibtexEntry(int line, String type, String key, Map<String, String> fields) {

    public BibtexEntry {
        fields = Map.copyOf(fields);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
