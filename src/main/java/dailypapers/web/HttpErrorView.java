package dailypapers.web;

/** An error as the error page and the JSON error body show it. */
public record HttpErrorView(int status, String code, String parameter, String message) {
}
