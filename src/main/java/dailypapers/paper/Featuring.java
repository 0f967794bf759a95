package dailypapers.paper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A paper's entry on Daily Papers: the day it was featured (Hugging Face's daily date, or the day a member
 * submitted it) and who put it there.
 */
public record Featuring(LocalDate day, Instant at, String submittedBy) {
}
