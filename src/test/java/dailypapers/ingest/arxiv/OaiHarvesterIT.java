package dailypapers.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.HarvestException;
import dailypapers.ingest.HarvestFixture;
import dailypapers.ingest.HarvestListener;
import dailypapers.ingest.HarvestRunner.Outcome;
import dailypapers.ingest.HttpPolicy;
import dailypapers.ingest.PaperMerge;
import dailypapers.ingest.ReplayServer.Reply;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperFixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAI-PMH harvester against a loopback server replaying recorded arXiv responses. Page 1 is the recorded
 * arXivRaw ListRecords page (6 records, token 726959|1001); page 2 is the recorded arXivRaw GetRecord for
 * 1302.2146 re-wrapped as the last ListRecords page.
 */
class OaiHarvesterIT {

    private static final String XML = "text/xml";
    private static final String TOKEN = "726959|1001";
    private static final LocalDate FROM = LocalDate.of(2014, 10, 1);

    private HarvestFixture fixture;

    @BeforeEach
    void start() {
        fixture = new HarvestFixture();
        fixture.server.route(OaiHarvesterIT::recorded);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private OaiHarvester harvester(String set, String prefix, HttpPolicy policy) {
        return new OaiHarvester(ArxivSet.parse(set), prefix, fixture.upstream(policy),
                URI.create(fixture.server.baseUrl() + "/oai2"), new PaperMerge(fixture.papers), fixture.checkpoints,
                fixture.clock, 7);
    }

    private OaiHarvester harvester(String set) {
        return harvester(set, "arXivRaw", HarvestFixture.policy());
    }

    static Reply recorded(URI uri) {
        String query = uri.getQuery();
        if (query.contains("resumptionToken=" + TOKEN)) {
            return Reply.ok(lastPage(), XML);
        }
        if (query.contains("resumptionToken=")) {
            return Reply.ok(OaiParserTest.fixture("arXivRaw-ErrorResponseBadResumptionToken.xml"), XML);
        }
        if (query.contains("metadataPrefix=arXiv&")) {
            return Reply.ok(OaiParserTest.fixture("arXiv-ListRecords-physics-hep-th.xml"), XML);
        }
        return Reply.ok(OaiParserTest.fixture("arXivRaw-ListRecordsResponse.xml"), XML);
    }

    static byte[] lastPage() {
        String record = new String(OaiParserTest.fixture("arXivRaw-GetRecordResponse.xml"), StandardCharsets.UTF_8);
        return record.replace("<GetRecord>", "<ListRecords>")
                .replace("</GetRecord>", "<resumptionToken cursor=\"1001\" completeListSize=\"1002\"/></ListRecords>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Outcome run(OaiHarvester harvester, HarvestListener listener, LocalDate from) {
        return fixture.runner.run(harvester.source(), listener, l -> from == null ? harvester.harvest(l)
                : harvester.harvestFrom(from, l));
    }

    private Outcome runFrom(OaiHarvester harvester, LocalDate from) {
        return run(harvester, HarvestListener.NONE, from);
    }

    private Checkpoint checkpoint(String source) {
        return fixture.checkpoints.checkpoint(source).orElseThrow();
    }

    private long papers() {
        return fixture.papers.counts().papers();
    }

    @Test
    void aWindowIsHarvestedPageByPageAndSettlesOnTheFirstResponseDate() {
        fixture.server.failNext(Reply.status(503, Map.of("Retry-After", "5")));

        Outcome outcome = runFrom(harvester("cs"), FROM);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.counts().pages()).isEqualTo(2);
        assertThat(outcome.counts().inserted()).isEqualTo(7);
        assertThat(papers()).isEqualTo(7);
        assertThat(fixture.server.requests()).containsExactly(
                "/oai2?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2014-10-01",
                "/oai2?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2014-10-01",
                "/oai2?verb=ListRecords&resumptionToken=726959%7C1001");
        assertThat(fixture.sleeper.sleeps()).contains(Duration.ofSeconds(5));
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2015-01-06", null, null));
        Paper stored = fixture.papers.find(ArxivId.parse("1302.2146")).orElseThrow().paper();
        assertThat(stored.sources()).containsExactly(OaiParser.SOURCE);
    }

    @Test
    void theNextRunStartsAtTheCursorAndStoresNothingTwice() {
        OaiHarvester harvester = harvester("cs");
        runFrom(harvester, FROM);
        fixture.server.clearRequests();

        Outcome again = runFrom(harvester, null);

        assertThat(fixture.server.requests().getFirst()).endsWith("&from=2015-01-06");
        assertThat(again.counts().inserted()).isZero();
        assertThat(again.counts().unchanged()).isEqualTo(7);
        assertThat(papers()).isEqualTo(7);
    }

    @Test
    void aCrashBetweenPagesResumesFromTheStoredToken() {
        OaiHarvester harvester = harvester("cs");
        HarvestListener crash = new HarvestListener() {
            @Override
            public void page(PageProgress progress) {
                throw new IllegalStateException("killed after page 1 was stored");
            }

            @Override
            public void rejected(String source, String reason) {
            }

            @Override
            public void warned(String source, String reason) {
            }
        };
        assertThat(run(harvester, crash, FROM).errorCode()).isEqualTo(HarvestException.Code.INTERNAL);
        assertThat(papers()).isEqualTo(6);
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2014-10-01", TOKEN, "2015-01-06"));
        fixture.server.clearRequests();

        Outcome resumed = runFrom(harvester, null);

        assertThat(resumed.succeeded()).isTrue();
        assertThat(fixture.server.requests()).containsExactly("/oai2?verb=ListRecords&resumptionToken=726959%7C1001");
        assertThat(resumed.counts().inserted()).isEqualTo(1);
        assertThat(papers()).isEqualTo(7);
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2015-01-06", null, null));
    }

    @Test
    void aFailedPageIsFetchedAgainByTheNextRunWithoutGapsOrDuplicates() {
        OaiHarvester harvester = harvester("cs");
        fixture.server.route(uri -> uri.getQuery().contains("resumptionToken") ? Reply.status(502, Map.of())
                : recorded(uri));
        assertThat(runFrom(harvester, FROM).errorCode()).isEqualTo(HarvestException.Code.SERVER_ERROR);
        assertThat(checkpoint("arxiv:cs").token()).isEqualTo(TOKEN);

        fixture.server.route(OaiHarvesterIT::recorded);
        assertThat(runFrom(harvester, null).succeeded()).isTrue();
        assertThat(papers()).isEqualTo(7);
    }

    @Test
    void aRejectedTokenRestartsTheWindowOnce() {
        fixture.checkpoints.saveCheckpoint("arxiv:cs", new Checkpoint("2014-10-01", "expired|5", "2014-12-31"),
                HarvestFixture.NOW);

        Outcome outcome = runFrom(harvester("cs"), null);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(fixture.server.requests()).containsExactly(
                "/oai2?verb=ListRecords&resumptionToken=expired%7C5",
                "/oai2?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2014-10-01",
                "/oai2?verb=ListRecords&resumptionToken=726959%7C1001");
        assertThat(papers()).isEqualTo(7);
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2015-01-06", null, null));
    }

    @Test
    void aTokenRejectedAgainAfterTheRestartFailsTheRun() {
        fixture.server.route(
                uri -> Reply.ok(OaiParserTest.fixture("arXivRaw-ErrorResponseBadResumptionToken.xml"), XML));
        fixture.checkpoints.saveCheckpoint("arxiv:cs", new Checkpoint("2014-10-01", "expired|5", null),
                HarvestFixture.NOW);

        Outcome outcome = runFrom(harvester("cs"), null);

        assertThat(outcome.errorCode()).isEqualTo(HarvestException.Code.OAI_ERROR);
        assertThat(fixture.server.requests()).containsExactly("/oai2?verb=ListRecords&resumptionToken=expired%7C5",
                "/oai2?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2014-10-01");
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2014-10-01", null, null));
    }

    @Test
    void aRepeatedTokenFailsTheRunInsteadOfLooping() {
        byte[] firstPage = OaiParserTest.fixture("arXivRaw-ListRecordsResponse.xml");
        fixture.server.route(uri -> Reply.ok(firstPage, XML));

        Outcome outcome = runFrom(harvester("cs"), FROM);

        assertThat(outcome.errorCode()).isEqualTo(HarvestException.Code.OAI_ERROR);
        assertThat(fixture.server.requests()).hasSize(2);
        assertThat(papers()).isEqualTo(6);
        assertThat(checkpoint("arxiv:cs").token()).isEqualTo(TOKEN);
    }

    @Test
    void noRecordsMatchIsASuccessWithNothingNew() {
        fixture.server.route(uri -> Reply.ok(OaiParserTest.fixture("arXivRaw-ErrorResponseNoRecordsMatch.xml"), XML));

        Outcome outcome = runFrom(harvester("cs"), FROM);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.counts().received()).isZero();
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2015-06-23", null, null));
    }

    @Test
    void otherOaiErrorsFailTheRunAndLeaveTheCheckpoint() {
        fixture.checkpoints.saveCheckpoint("arxiv:cs", new Checkpoint("2014-10-01", null, null), HarvestFixture.NOW);
        fixture.server.route(uri -> Reply.ok(OaiParserTest.fixture("arXivRaw-ErrorResponseBadArgument.xml"), XML));

        Outcome outcome = runFrom(harvester("cs"), null);

        assertThat(outcome.errorCode()).isEqualTo(HarvestException.Code.OAI_ERROR);
        assertThat(outcome.message()).contains("badArgument");
        assertThat(checkpoint("arxiv:cs")).isEqualTo(new Checkpoint("2014-10-01", null, null));
    }

    @Test
    void aCategoryKeepsOnlyTheRecordsListedInIt() {
        Outcome outcome = runFrom(harvester("math.AG"), FROM);

        assertThat(fixture.server.requests().getFirst()).contains("&set=math&");
        assertThat(outcome.counts().inserted()).isEqualTo(1);
        assertThat(outcome.counts().filtered()).isEqualTo(6);
        assertThat(fixture.papers.find(ArxivId.parse("0704.0874"))).isPresent();
        assertThat(checkpoint("arxiv:math.AG").cursor()).isEqualTo("2015-01-06");
    }

    @Test
    void theArXivFormatIsHarvestedToo() {
        Outcome outcome = runFrom(harvester("physics:hep-th", "arXiv", HarvestFixture.policy()), FROM);

        assertThat(fixture.server.requests()).containsExactly(
                "/oai2?verb=ListRecords&metadataPrefix=arXiv&set=physics%3Ahep-th&from=2014-10-01");
        assertThat(outcome.counts().inserted()).isEqualTo(3);
        assertThat(fixture.papers.find(ArxivId.parse("1412.8323")).orElseThrow().paper().authors())
                .containsExactly("Philipp A Hoehn");
    }

    @Test
    void aNewVersionUpdatesTheStoredPaperAndAnOlderOneIsIgnored() {
        fixture.papers.upsert(List.of(
                PaperFixtures.paper().id("0704.0716").title("Old title").authors("Someone").version(3)
                        .github("https://github.com/x/y").build(),
                PaperFixtures.paper().id("0704.0874").title("Newer than upstream").version(9).build()));

        Outcome outcome = runFrom(harvester("cs"), FROM);

        assertThat(outcome.counts().updated()).isEqualTo(1);
        Paper revised = fixture.papers.find(ArxivId.parse("0704.0716")).orElseThrow().paper();
        assertThat(revised.title()).isEqualTo("Limit distributions and scaling functions");
        assertThat(revised.authors()).containsExactly("Christoph Richard");
        assertThat(revised.version()).isEqualTo(4);
        assertThat(revised.githubRepo()).as("a link only Hugging Face knew stays").isEqualTo("https://github.com/x/y");
        assertThat(fixture.papers.find(ArxivId.parse("0704.0874")).orElseThrow().paper().title())
                .isEqualTo("Newer than upstream");
    }

    @Test
    void aTruncatedPageIsFetchedAgainAndNothingIsLost() {
        byte[] page = OaiParserTest.fixture("arXivRaw-ListRecordsResponse.xml");
        fixture.server.failNext(Reply.ok(Arrays.copyOf(page, page.length / 2), XML), Reply.reset(page));

        Outcome outcome = runFrom(harvester("cs"), FROM);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(papers()).isEqualTo(7);
    }

    @Test
    void deletedRecordsAreCountedButKept() {
        fixture.papers.upsert(List.of(PaperFixtures.paper().id("0704.0471").build()));
        String page = new String(OaiParserTest.fixture("arXivRaw-ListRecordsResponse.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<header>", "<header status=\"deleted\">");
        fixture.server.route(uri -> uri.getQuery().contains("resumptionToken") ? recorded(uri)
                : Reply.ok(page.getBytes(StandardCharsets.UTF_8), XML));

        Outcome outcome = runFrom(harvester("cs"), FROM);

        assertThat(outcome.counts().deleted()).isEqualTo(1);
        assertThat(fixture.papers.find(ArxivId.parse("0704.0471"))).isPresent();
    }

    @Test
    void requestsAreSpacedByThePolitenessInterval() {
        HttpPolicy polite = HarvestFixture.policy().withMinInterval(Duration.ofSeconds(3));

        runFrom(harvester("cs", "arXivRaw", polite), FROM);

        assertThat(fixture.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void charactersNoPageShouldShowAreRemovedFromHarvestedRecords() {
        fixture.server.route(uri -> Reply.ok(new String(lastPage(), StandardCharsets.UTF_8)
                .replace("<title>The Same-Sign", "<title>&#x202E;The&#x85; Same-Sign&#xFDD0;")
                .replace("Joshua Berger", "Joshua&#x2067; Berger&#x1FFFE;")
                .replace("<comments>18 pages", "<comments>18&#x9B; pages")
                .replace("hep-ph hep-ex", "hep-ph&#x2069; hep-ex")
                .getBytes(StandardCharsets.UTF_8), XML));

        Outcome outcome = runFrom(harvester("physics:hep-ph"), FROM);

        assertThat(outcome.counts().inserted()).isEqualTo(1);
        Paper stored = fixture.papers.find(ArxivId.parse("1302.2146")).orElseThrow().paper();
        assertThat(stored.title()).isEqualTo("The Same-Sign Dilepton Signature of RPV/MFV SUSY");
        assertThat(stored.authors()).first().isEqualTo("Joshua Berger");
        assertThat(stored.comment()).startsWith("18 pages");
        assertThat(stored.categories()).containsExactly("hep-ph", "hep-ex");
    }
}
