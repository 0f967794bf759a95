package dailypapers.moderation;

import dailypapers.paper.ArxivId;
import java.util.Objects;

/**
 * What a flag or action is about: a kind and an id, normalised here. A paper's id is its canonical arXiv id (any
 * accepted form comes in); a comment's, a submission's and a member's is their positive numeric id.
 */
public record Target(TargetKind kind, String id) {

    public Target {
        Objects.requireNonNull(kind);
        id = normalise(kind, id == null ? "" : id.strip());
    }

    public static Target of(String kind, String id) {
        return new Target(TargetKind.of(kind), id);
    }

    public static Target paper(ArxivId id) {
        return new Target(TargetKind.PAPER, id.value());
    }

    public static Target member(long id) {
        return new Target(TargetKind.MEMBER, Long.toString(id));
    }

    /** The member's id, for a member target. */
    public long memberId() {
        if (kind != TargetKind.MEMBER) {
            throw new IllegalStateException("not a member: " + this);
        }
        return Long.parseLong(id);
    }

    private static String normalise(TargetKind kind, String id) {
        if (kind == TargetKind.PAPER) {
            return ArxivId.tryParse(id).map(ArxivId::value).orElseThrow(() -> invalid(kind));
        }
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(id) <= 0) {
            throw invalid(kind);
        }
        return Long.toString(Long.parseLong(id));
    }

    private static ModerationException invalid(TargetKind kind) {
        return new ModerationException(ModerationException.Code.TARGET_INVALID, "no " + kind.key() + " has this id");
    }

    @Override
    public String toString() {
        return kind.key() + " " + id;
    }
}
