package dailypapers.store;

import java.util.List;

/**
 * One table as a copy carries it: its columns in their declared order, with their kinds, and its primary key, by
 * which its rows are read (so a reply comes after the comment it answers, whose id is smaller).
 */
public record TableShape(String name, List<Column> columns, List<String> key) {

    public TableShape {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    public record Column(String name, ColumnKind kind) {
    }
}
