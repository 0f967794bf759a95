package dailypapers.ingest;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * Writes every stored paper as JSON lines in our import schema ({@link RecordWriter}), the inverse of
 * {@link PaperImporter}: an export imports into another instance unchanged, and exporting that instance gives the
 * same bytes. Papers are read a page at a time in id order, so memory stays constant however many there are.
 *
 * <p>What goes out is what an import brings in. {@code upvotes} and {@code num_comments} are the upstream counts
 * (Hugging Face's, as the last import or harvest gave them), not what a paper shows here: members' votes and
 * comments belong to their members and stay, so importing an export back into the instance it came from does not
 * count those votes twice. Papers a moderator hid are exported too (the export is the admin's whole collection);
 * being hidden is moderation, not paper data, so they arrive visible. A featured paper's day goes out as
 * {@code hf_daily_date} whoever featured it, and the importing instance credits it to the import.
 */
public final class PaperExporter {

    static final int PAGE_SIZE = 1_000;

    private final PaperStore store;

    public PaperExporter(PaperStore store) {
        this.store = store;
    }

    /** Hears how far an export has got: papers written, of about {@code total} (the count when it began). */
    @FunctionalInterface
    public interface Listener {

        Listener NONE = (exported, total, elapsedNanos) -> {
        };

        void progress(long exported, long total, long elapsedNanos);
    }

    /** Writes every paper, one line each, in id order; returns how many. {@code out} is flushed, not closed. */
    public long export(Writer out, Listener listener) throws IOException {
        long started = System.nanoTime();
        long total = store.counts().papers();
        long exported = 0;
        Optional<ArxivId> after = Optional.empty();
        List<PaperRecord> page;
        do {
            page = store.records(after, PAGE_SIZE);
            for (PaperRecord record : page) {
                out.write(RecordWriter.line(record));
                out.write('\n');
            }
            exported += page.size();
            listener.progress(exported, Math.max(total, exported), System.nanoTime() - started);
            if (!page.isEmpty()) {
                after = Optional.of(page.getLast().paper().id());
            }
        } while (page.size() == PAGE_SIZE);
        out.flush();
        return exported;
    }
}
