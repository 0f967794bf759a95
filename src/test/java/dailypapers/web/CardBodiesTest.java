package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardBodiesTest {

    private final DateText dates = new DateText(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    private final List<String> rendered = new ArrayList<>();
    private final CardBodies bodies = new CardBodies(card -> {
        rendered.add(card.title());
        return ("<h2>" + card.title() + " · " + card.comments() + "</h2>").getBytes(StandardCharsets.UTF_8);
    });

    @Test
    void aCardsBodyIsRenderedOnceAndKeptForTheSameCardUpvotedOrNot() {
        PaperCard card = card("Attention Is All You Need", 0);

        String first = written(card);
        String again = written(card);
        String upvoted = written(card.withUpvoted());

        assertThat(first).isEqualTo("<h2>Attention Is All You Need · null</h2>").isEqualTo(again);
        assertThat(upvoted).isEqualTo(first);
        assertThat(rendered).as("the upvoted card is another key, rendered once too")
                .containsExactly("Attention Is All You Need", "Attention Is All You Need");
    }

    @Test
    void aChangedPaperMakesAnotherCardAndSoAFreshBody() {
        written(card("Attention Is All You Need", 0));

        String changed = written(card("Attention Is All You Need", 3));

        assertThat(changed).isEqualTo("<h2>Attention Is All You Need · 3 comments</h2>");
        assertThat(rendered).hasSize(2);
    }

    private String written(PaperCard card) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        bodies.of(card).writeTo(output);
        return new String(output.toByteArray(), StandardCharsets.UTF_8);
    }

    private PaperCard card(String title, int comments) {
        Paper paper = new Paper(ArxivId.parse("1706.03762"), title, "An abstract with $x^2$ & more.",
                List.of("Ashish Vaswani"), LocalDate.of(2017, 6, 12), LocalDate.of(2017, 6, 12), 1, List.of("cs.CL"),
                null, null, null, null, null, List.of(), List.of());
        return PaperCard.of(new PaperEntry(paper, 5, comments, Optional.empty()), dates);
    }
}
