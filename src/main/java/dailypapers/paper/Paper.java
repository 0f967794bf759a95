package dailypapers.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A paper's metadata as the upstream sources describe it. Community data (upvotes, comments, featuring) lives
 * beside it in {@link PaperEntry}.
 *
 * @param version    latest known arXiv version, 0 when unknown
 * @param categories arXiv categories, primary first
 * @param sources    where the metadata came from (a harvester, an import file's source field)
 */
public record Paper(
        ArxivId id,
        String title,
        String abstractText,
        List<String> authors,
        LocalDate published,
        LocalDate updated,
        int version,
        List<String> categories,
        String comment,
        String doi,
        String journalRef,
        String githubRepo,
        String projectPage,
        List<String> aiKeywords,
        List<String> sources) {

    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(published, "published");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is missing");
        }
        abstractText = abstractText == null ? "" : abstractText;
        authors = List.copyOf(authors == null ? List.of() : authors);
        categories = List.copyOf(categories == null ? List.of() : categories);
        aiKeywords = List.copyOf(aiKeywords == null ? List.of() : aiKeywords);
        sources = List.copyOf(sources == null ? List.of() : sources);
    }
}
