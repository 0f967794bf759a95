package dailypapers.web;

/** A page that only says something: a hidden paper, a report received. */
public record NoticeView(PageFrame frame, String eyebrow, String title, String message) {
}
