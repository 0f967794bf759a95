package dailypapers.search;

/** The highlighted title (whole) and the best passages of the abstract, for one result. */
public record Snippets(Highlight title, Highlight abstractText) {
}
