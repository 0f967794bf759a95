package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static PaperFixtures.Builder everyField() {
        return paper().id("2608.19880").title("EnvHarness").abstractText("An abstract with ünïcödé.")
                .authors("Chengsong Huang", "Zoë O'Brien").published(LocalDate.of(2026, 8, 20))
                .updated(LocalDate.of(2026, 8, 21)).version(2).categories("cs.AI", "cs.LG").comment("12 pages")
                .doi("10.1/abc").journalRef("J. Test 1 (2026)").github("https://github.com/g/envharness")
                .projectPage("https://envharness.com/").aiKeywords("LLM agents").sources("hf", "arxiv")
                .upvotes(163).numComments(1).featuredOn(LocalDate.of(2026, 8, 21)).submittedBy("hf");
    }

    /** The hash is part of every stored row: if this changes, bump ContentHash.VERSION and say so in the docs. */
    @Test
    void aFixedRecordHashesToAFixedValue() {
        assertThat(ContentHash.of(everyField().build())).isEqualTo("2:b1ed0b468ae257c015c9617f121de6f7");
    }

    @Test
    void everyWrittenFieldChangesTheHash() {
        List<UnaryOperator<PaperFixtures.Builder>> changes = List.of(
                b -> b.id("2608.19881"), b -> b.title("Other"), b -> b.abstractText("Other."),
                b -> b.authors("Chengsong Huang"), b -> b.published(LocalDate.of(2026, 8, 19)),
                b -> b.updated(null), b -> b.version(3), b -> b.categories("cs.AI"), b -> b.comment(null),
                b -> b.doi("10.1/abd"), b -> b.journalRef(null), b -> b.github(null), b -> b.projectPage(null),
                b -> b.aiKeywords(), b -> b.sources("hf"), b -> b.upvotes(164), b -> b.numComments(null),
                b -> b.featuredOn(null), b -> b.submittedBy("alice"));
        assertThat(changes).as("one change per hashed field").hasSize(ContentHash.FIELDS.size());

        List<String> hashes = changes.stream().map(change -> ContentHash.of(change.apply(everyField()).build()))
                .toList();
        assertThat(hashes).doesNotHaveDuplicates().doesNotContain(ContentHash.of(everyField().build()));
    }

    @Test
    void fieldBoundariesAndNullsCannotBeConfused() {
        PaperRecord split = everyField().authors("A, B").build();
        PaperRecord two = everyField().authors("A", "B").build();
        PaperRecord textNull = everyField().comment("null").build();
        PaperRecord noComment = everyField().comment(null).build();
        assertThat(ContentHash.of(split)).isNotEqualTo(ContentHash.of(two));
        assertThat(ContentHash.of(textNull)).isNotEqualTo(ContentHash.of(noComment));
    }
}
