package dailypapers.backup;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.comment.CommentSettings;
import dailypapers.digest.Cadence;
import dailypapers.digest.Preferences;
import dailypapers.digest.Topic;
import dailypapers.ingest.ImportListener;
import dailypapers.library.PaperCollection;
import dailypapers.library.Visibility;
import dailypapers.paper.ArxivId;
import dailypapers.search.VectorStore.StoredVector;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.JdbiVectorStore;
import dailypapers.token.TokenScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A database with a row in every kind of table a lab's year leaves: the 1,000 sample papers, members with a token,
 * upvotes, a comment thread (edited, replied to, deleted), saved papers in a collection, digest subscriptions, a
 * flag, a hidden paper and its audit entry, and stored vectors (bytes).
 */
final class BackupFixture {

    static final String PASSWORD = "correct horse battery staple";

    private BackupFixture() {
    }

    /** An app on {@code database}, with comment limits high enough for a load test. */
    static App open(DatabaseConfig database, Path dataDir) {
        Config config = new Config(dataDir, database, "127.0.0.1", 0)
                .withComments(new CommentSettings(100_000, 100_000, Duration.ofMinutes(1)));
        return App.open(config, Clock.systemUTC());
    }

    /** Fills the app's database; returns the papers, in sample order. */
    static List<ArxivId> fill(App app, DatabaseConfig database) {
        try {
            app.importFile(TestData.sample(), ImportListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ArxivId> papers = TestData.sampleRecords().stream().map(r -> ArxivId.parse(r.get("id").asText()))
                .toList();
        Member admin = member(app, "margaret", Role.ADMIN);
        Member ada = member(app, "ada", Role.MEMBER);
        Member alan = member(app, "alan", Role.MEMBER);
        app.tokens().service().create(ada.id(), "laptop", TokenScope.WRITE);
        for (int i = 0; i < 20; i++) {
            app.votes().service().set(ada.id(), papers.get(i), true);
            app.votes().service().set(alan.id(), papers.get(i * 3), true);
        }
        long first = app.comments().service().post(ada, "127.0.0.1", papers.get(0), Optional.empty(),
                "A **bold** claim, with *emphasis* and `code` — and ünïcödé 🧪.");
        app.comments().service().post(alan, "127.0.0.1", papers.get(0), Optional.of(first), "A reply.");
        app.comments().service().edit(ada, first, "A **bold** claim, edited.");
        long gone = app.comments().service().post(alan, "127.0.0.1", papers.get(1), Optional.empty(), "Oops.");
        app.comments().service().delete(alan, gone);
        app.libraries().service().save(ada.id(), papers.get(2));
        app.libraries().service().save(ada.id(), papers.get(3));
        PaperCollection reading = app.libraries().service().create(ada.id(), "Reading group", Visibility.PUBLIC);
        app.libraries().service().add(ada.id(), reading.id(), papers.get(2));
        app.digests().subscriptions().subscribe(ada.email().value(), new Preferences(Cadence.WEEKLY,
                ZoneId.of("Europe/Paris"), List.of(Topic.category("cs.LG"), Topic.author("Yoshua Bengio"))),
                Optional.of(ada));
        app.digests().subscriptions().subscribe("reader@example.org", new Preferences(Cadence.DAILY,
                ZoneId.of("UTC"), List.of(Topic.query("diffusion models"))), Optional.empty());
        app.moderation().service().flag(alan, "paper", papers.get(5).value(), "spam", "not a paper");
        app.moderation().service().hidePaper(admin, papers.get(5).value(), "spam");
        try (Database direct = Database.open(database, new SimpleMeterRegistry())) {
            List<StoredVector> vectors = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                float[] vector = new float[384];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = (float) Math.sin(i * 31 + d);
                }
                vectors.add(new StoredVector(papers.get(i), vector, "text-" + i, null));
            }
            new JdbiVectorStore(direct, Clock.systemUTC()).save("bge-small-en-v1.5-q", vectors);
        }
        return papers;
    }

    static Member member(App app, String handle, Role role) {
        return app.accounts().service().create(handle + "@example.org", handle, "Member " + handle, PASSWORD, role);
    }
}
