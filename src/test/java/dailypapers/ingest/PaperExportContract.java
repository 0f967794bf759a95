package dailypapers.ingest;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.moderation.HiddenPaper;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.JdbiAccountStore;
import dailypapers.store.JdbiModerationStore;
import dailypapers.store.JdbiPaperStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper export is the import's inverse, on each kind of database: an instance that imports another's export
 * holds the same papers, field for field, and exports the same bytes.
 */
abstract class PaperExportContract {

    @TempDir
    Path dir;

    private final TestDatabase kind;
    private final List<Instance> instances = new ArrayList<>();

    PaperExportContract(TestDatabase kind) {
        this.kind = kind;
    }

    /** A fresh database of the contract's kind with the real paper store. */
    private final class Instance {

        final DatabaseConfig config = kind.open();
        final Database database = Database.open(config, new SimpleMeterRegistry());
        final PaperStore store = new JdbiPaperStore(database, TestApp.FIXED_CLOCK);

        Instance() {
            instances.add(this);
        }

        ImportSummary importFile(Path file) {
            try {
                return new PaperImporter(store).importFile(file, ImportListener.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String export() {
            StringWriter out = new StringWriter();
            try {
                new PaperExporter(store).export(out, PaperExporter.Listener.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        /** Every paper as the store holds it: what an import wrote, and what pages show. */
        List<Object> everything() {
            List<PaperRecord> records = store.records(Optional.empty(), Integer.MAX_VALUE);
            List<PaperEntry> entries = store.find(records.stream().map(r -> r.paper().id()).toList());
            List<Object> all = new ArrayList<>(records);
            all.addAll(entries);
            return all;
        }
    }

    @AfterEach
    void close() {
        for (Instance instance : instances) {
            instance.database.close();
            kind.drop(instance.config);
        }
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSampleRoundTripsThroughAnotherInstanceFieldForFieldAndByteForByte() {
        Instance a = new Instance();
        a.importFile(TestData.sample());
        String exported = a.export();
        assertThat(exported.lines()).hasSize(1_000);

        Instance b = new Instance();
        ImportSummary summary = b.importFile(write("a.jsonl", exported));
        assertThat(summary.rejected()).isZero();
        assertThat(summary.warnings()).isZero();
        assertThat(summary.inserted()).isEqualTo(1_000);

        assertThat(b.export()).isEqualTo(exported);
        assertThat(b.everything()).hasSize(2_000).isEqualTo(a.everything());
    }

    @Test
    void everyKeyOfTheSchemaIsWrittenInItsOrderWithTheFieldsTheParserAlsoReads() throws IOException {
        Instance a = new Instance();
        a.store.upsert(List.of(paper().id("2601.00042").version(3).updated(LocalDate.of(2026, 2, 1))
                .doi("10.1000/xyz").journalRef("J. Tests 1 (2026)").github("https://github.com/o/r")
                .projectPage("https://example.org/p").aiKeywords("one", "two").sources("hf", "arxiv")
                .upvotes(7).numComments(2).featuredOn(LocalDate.of(2026, 2, 2)).build()));

        JsonNode line = JsonFields.JSON.readTree(a.export());
        assertThat(line.fieldNames()).toIterable().containsExactly("id", "title", "authors", "abstract",
                "published", "upvotes", "categories", "github", "github_source", "project_page", "hf_daily_date",
                "num_comments", "ai_keywords", "arxiv_comment", "source", "sources", "updated", "version", "doi",
                "journal_ref");
        assertThat(line.get("id").asText()).isEqualTo("2601.00042");
        assertThat(line.get("version").asInt()).isEqualTo(3);
        assertThat(line.get("hf_daily_date").asText()).isEqualTo("2026-02-02");
        assertThat(line.get("source").asText()).isEqualTo("hf");

        Instance b = new Instance();
        b.importFile(write("one.jsonl", a.export()));
        assertThat(b.everything()).isEqualTo(a.everything());
    }

    @Test
    void membersVotesStayOutSoReimportingAnExportCountsThemOnce() {
        Instance a = new Instance();
        PaperRecord record = paper().upvotes(10).featuredOn(LocalDate.of(2026, 2, 2)).build();
        ArxivId id = record.paper().id();
        a.store.upsert(List.of(record));
        a.store.addVote(id, "member:1");
        a.store.addVote(id, "member:2");
        String exported = a.export();
        assertThat(exported).contains("\"upvotes\":10,");

        assertThat(a.importFile(write("again.jsonl", exported)).rejected()).isZero();
        assertThat(a.store.find(id).orElseThrow().upvotes()).isEqualTo(12);
        Instance b = new Instance();
        b.importFile(write("b.jsonl", exported));
        assertThat(b.store.find(id).orElseThrow().upvotes()).isEqualTo(10);
    }

    @Test
    void oddTextRoundTripsAsTheImportCleanedIt() throws IOException {
        String title = "Émoji 🧪 and RTL עברית العربية with \"quotes\", 'single', back\\slash and <tags> & ampersands";
        Path file = write("odd.jsonl", "{\"id\": \"2601.00007\", \"title\": "
                + JsonFields.JSON.writeValueAsString(title + "\nacross\tlines")
                + ", \"authors\": [\"Zoë Ĳssel\", \"李 雷\"], \"abstract\": \"Line one.\\r\\nLine two\\u2028three.\","
                + " \"published\": \"2026-01-02\", \"arxiv_comment\": \"12 pages\\n4 figures\"}\n");
        Instance a = new Instance();
        assertThat(a.importFile(file).inserted()).isEqualTo(1);
        String exported = a.export();

        JsonNode line = JsonFields.JSON.readTree(exported);
        assertThat(line.get("title").asText()).isEqualTo(title + " across lines");
        assertThat(line.get("authors").get(1).asText()).isEqualTo("李 雷");
        assertThat(line.get("arxiv_comment").asText()).isEqualTo("12 pages 4 figures");
        assertThat(exported).contains("🧪", "עברית").endsWith("}\n").hasLineCount(1);

        Instance b = new Instance();
        b.importFile(write("odd-export.jsonl", exported));
        assertThat(b.export()).isEqualTo(exported);
        assertThat(b.everything()).isEqualTo(a.everything());
    }

    @Test
    void hiddenPapersAreExportedToo() {
        Instance a = new Instance();
        PaperRecord record = paper().build();
        a.store.upsert(List.of(record));
        Member moderator = new JdbiAccountStore(a.database).create(new AccountStore.NewMember(
                new Email("mod@example.org"), new Handle("a-moderator"), new DisplayName("A moderator"),
                Role.MODERATOR, "", Instant.EPOCH, Optional.empty()));
        new JdbiModerationStore(a.database).hidePaper(new HiddenPaper(record.paper().id(), "spam", moderator.id(),
                Instant.EPOCH));
        assertThat(a.store.find(List.of(record.paper().id()))).isEmpty();

        assertThat(a.export()).contains("\"id\":\"" + record.paper().id().value() + "\"");
    }
}
