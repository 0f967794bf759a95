package dailypapers.ingest;

import dailypapers.paper.PaperRecord;
import java.util.List;

/**
 * What one upstream page held: the records that parsed, a reason for each that did not, a warning for each field
 * dropped from a record that was kept, and the ids of records the upstream reports as deleted.
 */
public record ParsedPage(List<PaperRecord> records, List<String> rejections, List<String> warnings,
        List<String> deleted) {

    public ParsedPage {
        records = List.copyOf(records);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        deleted = List.copyOf(deleted);
    }
}
