package dailypapers.digest;

/** The plain-text part of a digest mail: the same content as the HTML part, links written out in full. */
final class DigestText {

    private DigestText() {
    }

    static String of(DigestLetter letter) {
        StringBuilder out = new StringBuilder();
        out.append("Daily Papers — ").append(letter.dateLine()).append("\n\n");
        for (DigestLetter.Section section : letter.sections()) {
            out.append(section.title()).append('\n').append("=".repeat(section.title().length())).append("\n\n");
            for (DigestLetter.Paper paper : section.papers()) {
                out.append("* ").append(paper.title()).append('\n')
                        .append("  ").append(paper.authors()).append(" · ").append(upvotes(paper.upvotes()))
                        .append('\n')
                        .append("  ").append(paper.excerpt()).append('\n')
                        .append("  ").append(paper.url()).append("\n\n");
            }
        }
        out.append("--\n").append(letter.reason()).append('\n')
                .append("Change your topics or cadence: ").append(letter.preferencesUrl()).append('\n')
                .append("Unsubscribe: ").append(letter.unsubscribeUrl()).append('\n');
        return out.toString();
    }

    static String upvotes(int upvotes) {
        return upvotes == 1 ? "1 upvote" : upvotes + " upvotes";
    }
}
